package org.devolve.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** The {@code mail_settings} table: a member's language and mode per kind (a kind not stored has its default). */
@ApplicationScoped
class MailSettingsStore {

    /** A member's settings, every kind present. {@code language}: null when never chosen. */
    record Settings(String language, Map<MailKind, MailMode> modes) {

        static Settings defaults() {
            return new Settings(null, complete(Map.of()));
        }

        MailMode mode(MailKind kind) {
            return modes.get(kind);
        }
    }

    private final EntityManager em;
    private final ObjectMapper json;

    MailSettingsStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    Settings of(UUID member) {
        return of(List.of(member)).getOrDefault(member, Settings.defaults());
    }

    /** The settings of those among {@code members} who stored some (the others have the defaults). */
    Map<UUID, Settings> of(Collection<UUID> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery("""
                select member_id, language, cast(modes as text) from mail_settings
                where member_id = any(cast(:members as uuid[]))""")
                .setParameter(
                        "members", members.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        Map<UUID, Settings> found = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            found.put((UUID) r[0], new Settings((String) r[1], complete(read((String) r[2]))));
        }
        return found;
    }

    /** Stores the member's language and these modes (the kinds not named keep theirs). */
    void save(UUID member, String language, Map<MailKind, MailMode> modes, Instant now) {
        em.createNativeQuery("""
                insert into mail_settings (member_id, language, modes, updated_at)
                values (:member, :language, cast(:modes as jsonb), :now)
                on conflict (member_id) do update
                   set language = excluded.language, modes = mail_settings.modes || excluded.modes,
                       updated_at = excluded.updated_at""")
                .setParameter("member", member)
                .setParameter("language", language)
                .setParameter("modes", write(modes))
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Turns one kind off, the language and the other kinds as they were. */
    void turnOff(UUID member, MailKind kind, Instant now) {
        em.createNativeQuery("""
                insert into mail_settings (member_id, language, modes, updated_at)
                values (:member, null, cast(:modes as jsonb), :now)
                on conflict (member_id) do update
                   set modes = mail_settings.modes || excluded.modes, updated_at = excluded.updated_at""")
                .setParameter("member", member)
                .setParameter("modes", write(Map.of(kind, MailMode.OFF)))
                .setParameter("now", now)
                .executeUpdate();
    }

    private static Map<MailKind, MailMode> complete(Map<MailKind, MailMode> stored) {
        Map<MailKind, MailMode> all = new EnumMap<>(MailKind.class);
        for (MailKind kind : MailKind.values()) {
            all.put(kind, stored.getOrDefault(kind, kind.byDefault()));
        }
        return all;
    }

    private Map<MailKind, MailMode> read(String modes) {
        try {
            Map<String, String> raw = json.readValue(modes, new TypeReference<Map<String, String>>() {});
            Map<MailKind, MailMode> out = new EnumMap<>(MailKind.class);
            raw.forEach((k, v) -> {
                try {
                    out.put(MailKind.valueOf(k), MailMode.valueOf(v));
                } catch (IllegalArgumentException retired) {
                    // a kind or mode no longer known: its default applies
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Map<MailKind, MailMode> modes) {
        Map<String, String> out = new TreeMap<>();
        modes.forEach((k, v) -> out.put(k.name(), v.name()));
        try {
            return json.writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
