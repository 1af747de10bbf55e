package org.devolve.tally.recount;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.devolve.tally.InvalidTallyException;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyDocument;

/**
 * {@code java -jar devolve-recount.jar FILE} (or {@code -} for standard input): recounts a tally
 * document and prints the result JSON. Exit status 0 on success; 2, with one line on standard error,
 * when the document cannot be read or is malformed or inconsistent.
 */
public final class Main {

    private Main() {
    }

    /** The command: one argument, a file or {@code -}. */
    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: java -jar devolve-recount.jar FILE   (FILE may be - for standard input)");
            return 2;
        }
        String text;
        try {
            text = args[0].equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("devolve-recount: no such file: " + args[0]);
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("devolve-recount: cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        }
        try {
            out.print(Tally.count(TallyDocument.fromJson(text)).toJson());
            out.flush();
            return 0;
        } catch (InvalidTallyException e) {
            err.println("devolve-recount: invalid tally document: " + e.getMessage().replace('\n', ' '));
            return 2;
        }
    }
}
