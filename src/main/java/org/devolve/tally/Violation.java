package org.devolve.tally;

/**
 * One reason why an input was refused.
 *
 * @param reason the stable code
 * @param path   where, as a JSON path into the tally document ({@code ballots[3].ranking})
 * @param detail a human sentence
 */
public record Violation(Reason reason, String path, String detail) {

    @Override
    public String toString() {
        return reason + " at " + path + ": " + detail;
    }
}
