package org.devolve.tally;

/**
 * Resolves whose ballot each declaration's weight follows.
 *
 * <p>A row that voted follows its own ballot (a direct ballot always wins). A row that did not vote
 * follows its delegate, transitively, to the first row on the chain that voted. A chain that ends at
 * a row with no delegate, or comes back to a row already on it (a loop), counts as not cast. Each row
 * is walked once and then settled, so the whole resolution is O(n) time and O(n) memory, with an
 * explicit array in place of recursion: a chain of a million rows needs no stack.
 */
final class Delegation {

    /** Marks a row that is on the chain being walked. */
    private static final int WALKING = -2;
    /** Marks a row not yet resolved. */
    private static final int UNKNOWN = -3;

    private Delegation() {}

    /**
     * @return for each row, the row whose ballot its weight follows, or -1 when it is not cast
     */
    static int[] resolve(int[] delegate, boolean[] voted) {
        int n = voted.length;
        int[] target = new int[n];
        int[] chain = null;
        boolean chains = false;
        for (int row = 0; row < n; row++) {
            int t = voted[row] ? row : delegate[row] < 0 ? -1 : UNKNOWN;
            target[row] = t;
            chains |= t == UNKNOWN;
        }
        for (int row = 0; chains && row < n; row++) {
            if (target[row] != UNKNOWN) {
                continue;
            }
            if (chain == null) {
                chain = new int[n];
            }
            int length = 0;
            int at = row;
            int result;
            while (true) {
                int t = target[at];
                if (t == WALKING) {
                    result = -1; // a loop
                    break;
                }
                if (t != UNKNOWN) {
                    result = t; // a ballot, or a chain already known to end without one
                    break;
                }
                target[at] = WALKING;
                chain[length++] = at;
                at = delegate[at];
            }
            for (int i = 0; i < length; i++) {
                target[chain[i]] = result;
            }
        }
        return target;
    }
}
