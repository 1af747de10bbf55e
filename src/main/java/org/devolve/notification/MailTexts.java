package org.devolve.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of every mail, one file per language ({@code src/main/resources/mail/texts_<language>.properties},
 * UTF-8): a key per subject and body, {@code {name}} for a parameter. A key missing in a language falls back to
 * English (MailTextsTest keeps the three files' keys the same).
 */
final class MailTexts {

    static final List<String> LANGUAGES = List.of("en", "fr", "de");
    static final String DEFAULT_LANGUAGE = "en";

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<String, Properties> TEXTS = Map.of(
            "en", load("en"),
            "fr", load("fr"),
            "de", load("de"));

    private MailTexts() {}

    /** A subject and its plain-text body. */
    record Text(String subject, String body) {}

    static String language(String language) {
        return language != null && LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
    }

    /** The text of {@code key} ({@code key.subject}, {@code key.body}) with these parameters. */
    static Text of(String language, String key, Map<String, String> params) {
        return new Text(say(language, key + ".subject", params), say(language, key + ".body", params));
    }

    /** One line of {@code key} with these parameters ({@code {name}} left as it is when not given). */
    static String say(String language, String key, Map<String, String> params) {
        String text = TEXTS.get(language(language)).getProperty(key);
        if (text == null) {
            text = TEXTS.get(DEFAULT_LANGUAGE).getProperty(key);
        }
        if (text == null) {
            throw new IllegalArgumentException("No mail text " + key);
        }
        Matcher m = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An ISO-8601 instant as a mail shows it, in UTC to the minute; anything else as it is. */
    static String when(String instant) {
        if (instant == null) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(instant));
        } catch (DateTimeParseException notAnInstant) {
            return instant;
        }
    }

    static Set<String> keys(String language) {
        return TEXTS.get(language).stringPropertyNames();
    }

    private static Properties load(String language) {
        String name = "/mail/texts_" + language + ".properties";
        try (InputStream in = MailTexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name);
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
