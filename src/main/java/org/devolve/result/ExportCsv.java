package org.devolve.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.devolve.tally.Method;
import org.devolve.tally.Micro;
import org.devolve.tally.Stance;
import org.devolve.tally.TallyInput;

/**
 * The published tally document as CSV, one line per declaration, for spreadsheets:
 * {@code voter,voter_name,stake,group,group_name,weight,lower_to,delegate,via,voted,ballot}.
 *
 * <ul>
 *   <li>{@code voter}, {@code voter_name}, {@code delegate}: member ids and names in a public proposal; empty in a
 *       secret one, whose rows name nobody.</li>
 *   <li>{@code stake} is empty where a secret tally publishes only the weight; {@code group} is a group id or
 *       {@code other}; {@code lower_to}, {@code via} as in the JSON document.</li>
 *   <li>{@code voted} is {@code yes} or {@code no}, so that a ballot that approves nothing (an empty {@code ballot}
 *       with {@code voted=yes}) is told from no ballot.</li>
 *   <li>{@code ballot} is the method's member written flat: {@code FOR}; {@code 2}; {@code 0;2} (approvals);
 *       {@code 5;0;3} (scores); {@code 0:3;2:1} (allocation, index:points); {@code 2>0>1} (ranking).</li>
 * </ul>
 *
 * <p>Fields with commas, quotes or line breaks are quoted (RFC 4180). Text that people wrote (names) and that a
 * spreadsheet would take for a formula — starting with {@code = + - @}, a tab or a carriage return — is prefixed
 * with an apostrophe, as OWASP recommends against CSV injection.
 */
final class ExportCsv {

    static final String HEADER = "voter,voter_name,stake,group,group_name,weight,lower_to,delegate,via,voted,ballot";

    private ExportCsv() {}

    static String of(TallyInput in, Map<String, String> memberNames) {
        Map<String, String> groupNames = new HashMap<>();
        for (int g = 0; g < in.groupCount(); g++) {
            groupNames.put(in.groupId(g), in.groupName(g));
        }
        groupNames.put(TallyInput.OTHER, TallyInput.OTHER);
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (int row = 0; row < in.size(); row++) {
            List<String> cells = new ArrayList<>();
            String voter = in.voter(row);
            cells.add(voter == null ? "" : voter);
            cells.add(voter == null ? "" : text(memberNames.getOrDefault(voter, "")));
            cells.add(in.levelHidden(row) ? "" : Integer.toString(in.stake(row)));
            cells.add(in.groupOf(row));
            cells.add(text(groupNames.getOrDefault(in.groupOf(row), "")));
            cells.add(Micro.format(in.weight(row)));
            cells.add(in.lowerTo(row) < 0 ? "" : Integer.toString(in.lowerTo(row)));
            cells.add(in.delegateOf(row) == null ? "" : in.delegateOf(row));
            cells.add(in.followed(row) ? "followed" : in.lost(row) ? "lost" : "");
            cells.add(in.hasBallot(row) ? "yes" : "no");
            cells.add(in.hasBallot(row) ? ballot(in, row) : "");
            out.append(String.join(",", cells.stream().map(ExportCsv::quote).toList()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String ballot(TallyInput in, int row) {
        Method m = in.method();
        if (m == Method.APPROVE_REJECT) {
            return Stance.values()[in.choiceOf(row)].name();
        }
        if (m == Method.SINGLE_CHOICE) {
            return Integer.toString(in.choiceOf(row));
        }
        int[] items = in.itemsOf(row);
        List<String> parts = new ArrayList<>();
        if (m == Method.SPLIT || m == Method.QUADRATIC) {
            for (int i = 0; i < items.length; i++) {
                if (items[i] > 0) {
                    parts.add(i + ":" + items[i]);
                }
            }
            return String.join(";", parts);
        }
        for (int v : items) {
            parts.add(Integer.toString(v));
        }
        return String.join(
                m == Method.RANKED_IRV || m == Method.RANKED_SCHULZE || m == Method.COPELAND ? ">" : ";", parts);
    }

    /** Neutralises text a spreadsheet would run as a formula. */
    static String text(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
