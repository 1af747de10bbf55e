package org.devolve.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up check of the SMTP server, against a real one (GreenMail) and against what is not one. */
class SmtpCheckTest {

    private static final Duration TIMEOUT = Duration.ofMillis(800);

    @Test
    void aRealSmtpServerPasses() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            int port = smtp.getSmtp().getPort();
            assertEquals(Optional.empty(), SmtpCheck.problem("127.0.0.1", port, false, TIMEOUT));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aPortNobodyListensOnCannotBeReached() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        String problem = SmtpCheck.problem("127.0.0.1", port, false, TIMEOUT).orElseThrow();
        assertTrue(problem.startsWith("cannot be reached"), problem);
    }

    @Test
    void aServerThatSaysNothingOrSomethingElseIsNotAnSmtpServer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread accept = acceptAndSay(silent, null);
            String problem = SmtpCheck.problem("127.0.0.1", silent.getLocalPort(), false, TIMEOUT)
                    .orElseThrow();
            assertEquals("sends no greeting within 800 ms", problem);
            accept.interrupt();
        }
        try (ServerSocket web = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            acceptAndSay(web, "HTTP/1.1 400 Bad Request\r\n");
            String problem = SmtpCheck.problem("127.0.0.1", web.getLocalPort(), false, TIMEOUT)
                    .orElseThrow();
            assertTrue(problem.contains("does not greet") && problem.contains("HTTP/1.1 400"), problem);
        }
    }

    private static Thread acceptAndSay(ServerSocket server, String line) {
        Thread thread = new Thread(() -> {
            try (Socket client = server.accept()) {
                if (line != null) {
                    OutputStream out = client.getOutputStream();
                    out.write(line.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                Thread.sleep(TIMEOUT.toMillis() * 2);
            } catch (IOException | InterruptedException ignored) {
                // the check has its answer
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
