package org.devolve.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The recount command, as the build made it (target/devolve-recount.jar: the tally engine and jackson-core, one
 * {@code java -jar}), served so that anyone can recount a result or check a ledger export with the very code that
 * counted it, without building the project. The build copies the jar into the service's classpath
 * (pom.xml, process-classes); a service built without it (an IDE's own compile) answers 404.
 */
@ApplicationScoped
class RecountJar {

    static final String RESOURCE = "/org/devolve/audit/devolve-recount.jar";

    /** The jar's bytes and their SHA-256 (its entity tag, and what a careful downloader compares). */
    record Jar(byte[] bytes, String sha256) {}

    private volatile Optional<Jar> jar;

    Optional<Jar> jar() {
        Optional<Jar> loaded = jar;
        if (loaded == null) {
            loaded = load();
            jar = loaded;
        }
        return loaded;
    }

    private static Optional<Jar> load() {
        try (InputStream in = RecountJar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Jar(
                    bytes,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
