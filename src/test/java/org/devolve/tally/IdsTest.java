package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The id pool must agree with {@link String} exactly: the fragility order ranks ids by {@link String#hashCode()}
 * and {@link String#compareTo}, and a recount elsewhere (or before this pool) orders them by the strings.
 */
class IdsTest {

    private static final String ALPHABET = "abcXYZ019-_éßΩ中\uD83D\uDE00";

    @Test
    void hashCompareAndEqualityAreThoseOfTheStrings() {
        Random random = new Random(7);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder();
            for (int c = random.nextInt(6); c > 0; c--) {
                int at = random.nextInt(ALPHABET.length() - 1);
                b.append(ALPHABET.charAt(at));
            }
            strings.add(b.toString());
        }
        strings.add("v1");
        strings.add("v1");
        Ids ids = new Ids(4);
        ids.resize(strings.size() + 1);
        for (int i = 0; i < strings.size(); i++) {
            if (i % 2 == 0) {
                ids.set(i, strings.get(i));
            } else {
                char[] padded = ("##" + strings.get(i) + "##").toCharArray();
                ids.set(i, padded, 2, strings.get(i).length());
            }
        }
        for (int a = 0; a < strings.size(); a++) {
            assertEquals(strings.get(a), ids.get(a));
            assertEquals(strings.get(a).hashCode(), ids.hash(a), strings.get(a));
            for (int b = 0; b < strings.size(); b += 7) {
                assertEquals(
                        Integer.signum(strings.get(a).compareTo(strings.get(b))), Integer.signum(ids.compare(a, b)));
                assertEquals(strings.get(a).equals(strings.get(b)), ids.same(a, ids, b));
            }
        }
        int last = strings.size();
        assertFalse(ids.has(last));
        assertNull(ids.get(last));
        Ids copy = ids.copy(last + 1);
        ids.set(0, "changed");
        assertEquals(strings.get(0), copy.get(0), "a copy is independent of the builder's pool");
        copy.clear(1);
        assertFalse(copy.has(1));
        assertTrue(copy.any());
        assertFalse(Ids.none().any());
    }
}
