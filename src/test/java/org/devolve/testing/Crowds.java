package org.devolve.testing;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Large circles without thousands of requests: members written straight into the database, each of whom
 * can still sign in ({@link #person}), since their subject is the one their test token carries.
 */
public final class Crowds {

    /** {@code size} people named {@code <name>-1} ... {@code <name>-<size>}. */
    public record Crowd(String name, int size) {
        public People.Person person(int i) {
            return new People.Person(name + "-" + i, "Crowd " + name + " " + i, List.of("member"));
        }
    }

    private Crowds() {}

    /** Makes {@code size} new members and puts them in {@code circle}. */
    public static Crowd of(AgroalDataSource db, String circle, int size) throws SQLException {
        Crowd crowd = new Crowd("crowd" + Long.toString(System.nanoTime(), 36), size);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement members = c.prepareStatement("""
                    insert into member (id, subject, username, display_name, created_at, updated_at)
                    select gen_random_uuid(), 'sub-' || ? || '-' || g, ? || '-' || g,
                           'Crowd ' || ? || ' ' || g, now(), now()
                    from generate_series(1, ?) g""")) {
                members.setString(1, crowd.name());
                members.setString(2, crowd.name());
                members.setString(3, crowd.name());
                members.setInt(4, size);
                members.executeUpdate();
            }
            join(c, crowd, circle, 1, size);
        }
        return crowd;
    }

    /** Puts members {@code from} ... {@code to} of the crowd in another circle too. */
    public static void join(AgroalDataSource db, Crowd crowd, String circle, int from, int to) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            join(c, crowd, circle, from, to);
        }
    }

    private static void join(Connection c, Crowd crowd, String circle, int from, int to) throws SQLException {
        try (PreparedStatement memberships = c.prepareStatement("""
                insert into membership (circle_id, member_id, member_name, role, joined_at)
                select ?, m.id, m.display_name, 'MEMBER', now() from generate_series(?, ?) g
                join member m on m.subject = 'sub-' || ? || '-' || g""")) {
            memberships.setObject(1, UUID.fromString(circle));
            memberships.setInt(2, from);
            memberships.setInt(3, to);
            memberships.setString(4, crowd.name());
            memberships.executeUpdate();
        }
    }
}
