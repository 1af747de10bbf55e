package org.devolve.tally.recount;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.devolve.tally.InvalidTallyException;
import org.devolve.tally.Tally;
import org.devolve.tally.io.LedgerBundle;
import org.devolve.tally.io.LedgerReplay;
import org.devolve.tally.io.ResultJson;
import org.devolve.tally.io.TallyDocument;

/**
 * The recount command.
 *
 * <ul>
 *   <li>{@code java -jar devolve-recount.jar FILE} (or {@code -} for standard input): recounts a tally document
 *       (a proposal's {@code export.json}) and prints the result JSON.</li>
 *   <li>{@code java -jar devolve-recount.jar --ledger FILE}: checks a proposal's ledger (its
 *       {@code ledger/export}) entry by entry — the hash chain, the rules, the electorate frozen when voting
 *       opened, every ballot against its commitment where the ballots are public, the published document
 *       against all of these — recounts it, and prints the result JSON, which is byte for byte the result the
 *       service published (its SHA-256 is in the ledger).</li>
 * </ul>
 *
 * <p>Exit status 0 on success; 2, with one line on standard error, when the input cannot be read, is malformed
 * or inconsistent, or the ledger does not check out.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        boolean ledger = args.length == 2 && args[0].equals("--ledger");
        if (args.length != 1 && !ledger) {
            err.println(
                    "usage: java -jar devolve-recount.jar FILE            (a tally document; - for standard input)");
            err.println("       java -jar devolve-recount.jar --ledger FILE   (a proposal's ledger export)");
            return 2;
        }
        String file = args[args.length - 1];
        TallyDocument.Source source;
        try {
            if (file.equals("-")) {
                byte[] bytes = stdin.readAllBytes();
                source = () -> new ByteArrayInputStream(bytes);
            } else {
                Path path = Path.of(file);
                if (!Files.isRegularFile(path)) {
                    throw new NoSuchFileException(file);
                }
                source = () -> Files.newInputStream(path);
            }
        } catch (NoSuchFileException e) {
            err.println("devolve-recount: no such file: " + file);
            return 2;
        } catch (IOException e) {
            err.println("devolve-recount: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        try {
            if (ledger) {
                LedgerReplay.Outcome outcome;
                try (InputStream in = source.open()) {
                    outcome = LedgerBundle.check(LedgerBundle.read(in));
                }
                if (!outcome.valid()) {
                    err.println("devolve-recount: the ledger does not check out: " + outcome.problem());
                    return 2;
                }
                out.print(outcome.resultJson());
            } else {
                out.print(ResultJson.write(Tally.count(TallyDocument.read(source))));
            }
            out.flush();
            return 0;
        } catch (InvalidTallyException e) {
            err.println("devolve-recount: invalid " + (ledger ? "ledger" : "tally document") + ": "
                    + e.getMessage().replace('\n', ' '));
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("devolve-recount: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
    }
}
