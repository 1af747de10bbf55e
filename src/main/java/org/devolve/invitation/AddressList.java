package org.devolve.invitation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;
import org.devolve.platform.problem.ViolationCode;

/**
 * A pasted list of email addresses: separated by commas, semicolons, newlines or spaces, {@code Name <a@b.c>}
 * accepted, each address once (case-insensitively). Every bad one is named at once.
 *
 * <p>The check is the practical one (one {@code @}, a dotted domain of letters, digits and hyphens, no spaces, at
 * most 254 characters), not RFC 5322's full grammar: whether an address exists only a mail can tell, and quoted
 * local parts are not worth inviting anyone to.
 */
final class AddressList {

    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final int MAX_LENGTH = 254;

    private AddressList() {}

    /** The distinct addresses of the text, in order; or a 400 problem naming every bad one. */
    static List<String> parse(String text, int max) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("addresses", ViolationCode.REQUIRED, "give at least one email address");
        }
        // "Name <a@b.c>" pasted from a mail client: keep what is between the angle brackets.
        String plain = text.replaceAll("[^<>,;\\n]*<([^<>]*)>", " $1 ");
        Map<String, String> addresses = new LinkedHashMap<>();
        List<Violation> bad = new ArrayList<>();
        for (String part : SEPARATORS.split(plain.strip())) {
            String address = part.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (address.length() > MAX_LENGTH
                    || !ADDRESS.matcher(address).matches()
                    || address.contains("..")
                    || address.startsWith(".")
                    || address.contains(".@")) {
                bad.add(new Violation(
                        "addresses", InvitationField.INVALID_ADDRESS, shown(address) + " is not an email address"));
            } else {
                addresses.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
            }
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        if (addresses.isEmpty()) {
            throw ProblemException.invalid("addresses", ViolationCode.REQUIRED, "give at least one email address");
        }
        if (addresses.size() > max) {
            throw ProblemException.invalid(
                    "addresses",
                    ViolationCode.SIZE,
                    "at most " + max + " addresses at once (" + addresses.size() + ")");
        }
        return List.copyOf(addresses.values());
    }

    private static String shown(String address) {
        return "«" + (address.length() > 80 ? address.substring(0, 80) + "…" : address) + "»";
    }
}
