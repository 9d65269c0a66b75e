package cn.dibao;

import cn.dibao.area.AreaLevel;
import cn.dibao.common.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page text lives in the message files only: templates hold no human-readable literals, both
 * languages have the same keys, and every key a template names exists.
 */
class I18nTemplateTest {

    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final Path TEMPLATES = BASE.resolve("src/main/resources/templates");
    private static final Path MESSAGES = BASE.resolve("src/main/resources/messages");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label");

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern SCRIPT = Pattern.compile("<script\\b.*?</script\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("<style\\b.*?</style\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    /** Thymeleaf inlined expressions and character references carry no literal text. */
    private static final Pattern INLINE_OR_ENTITY = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]|&#?[A-Za-z0-9]+;",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s=/>\"']+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{\\s*([^}(\\s]+)");
    private static final Pattern MESSAGES_MSG = Pattern.compile("#messages\\.msg(?:OrNull)?\\(\\s*'([^']+)'\\s*[,)]");

    private static Map<Path, String> templates;

    @BeforeAll
    static void readTemplates() throws IOException {
        templates = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                templates.put(file, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(templates).as("templates under %s", TEMPLATES.toAbsolutePath()).hasSizeGreaterThan(5);
    }

    @Test
    void templatesHaveNoHardCodedText() {
        List<String> violations = new ArrayList<>();
        templates.forEach((file, source) -> violations.addAll(hardCodedText(TEMPLATES.relativize(file), source)));
        violations.forEach(System.out::println);
        assertThat(violations).as("hard-coded text in templates (move it to both message files)").isEmpty();
    }

    @Test
    void theCheckFindsTextNodesAndTextAttributes() {
        String sample = """
                <!DOCTYPE html>
                <!-- a comment with words -->
                <script>let words = 'ignored';</script>
                <div th:if="${a > b}" class="x"><span th:text="#{ok}"></span>&nbsp;[[${name}]]</div>
                <p>保存</p>
                <input placeholder="Name" th:title="#{x}" aria-label="  ">
                <img alt='logo'>
                <b>
                  Save</b>
                """;
        assertThat(hardCodedText(Path.of("sample.html"), sample)).containsExactly(
                "sample.html:5: text \"保存\"",
                "sample.html:6: attribute placeholder=\"Name\"",
                "sample.html:7: attribute alt=\"logo\"",
                "sample.html:9: text \"Save\"");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        assertThat(onlyZh).as("keys missing in messages_en.properties").isEmpty();
        assertThat(onlyEn).as("keys missing in messages_zh_CN.properties").isEmpty();
        assertThat(zh.stringPropertyNames()).allSatisfy(k ->
                assertThat(zh.getProperty(k).isBlank() || en.getProperty(k).isBlank()).as("empty text for %s", k).isFalse());
    }

    @Test
    void everyMessageKeyATemplateNamesExists() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<Path, String> t : templates.entrySet()) {
            String source = COMMENT.matcher(t.getValue()).replaceAll(m -> keepLines(m.group()));
            for (Pattern p : List.of(MESSAGE_EXPRESSION, MESSAGES_MSG)) {
                Matcher m = p.matcher(source);
                while (m.find()) {
                    String key = m.group(1);
                    if (key.startsWith("$") || key.contains("${")) {
                        continue;   // a key computed at run time
                    }
                    checked++;
                    if (!zh.containsKey(key)) {
                        missing.add(TEMPLATES.relativize(t.getKey()) + ":" + line(source, m.start()) + ": " + key);
                    }
                }
            }
        }
        missing.forEach(System.out::println);
        assertThat(checked).as("message keys found in templates").isGreaterThan(50);
        assertThat(missing).as("message keys used in templates but missing in messages_zh_CN.properties").isEmpty();
    }

    /** Keys templates build from enum names, e.g. #{${'area.level.' + l.name()}}. */
    @Test
    void keysBuiltFromEnumNamesExist() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        for (AreaLevel level : AreaLevel.values()) {
            assertThat(zh).containsKey("area.level." + level.name());
        }
        for (Role role : Role.values()) {
            assertThat(zh).containsKey("role." + role.name());
        }
    }

    static List<String> hardCodedText(Path file, String original) {
        String source = original;
        for (Pattern p : List.of(COMMENT, SCRIPT, STYLE)) {
            source = p.matcher(source).replaceAll(m -> keepLines(m.group()));
        }
        List<String> violations = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.charAt(i) == '<') {
                int end = endOfTag(source, i);
                String tag = source.substring(i + 1, end);
                if (!tag.startsWith("!") && !tag.startsWith("/")) {
                    Matcher a = ATTRIBUTE.matcher(tag.replaceFirst("^[^\\s>]+", ""));
                    while (a.find()) {
                        String name = a.group(1);
                        String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                        if (value != null && TEXT_ATTRIBUTES.contains(name.toLowerCase()) && hasLetter(value)) {
                            violations.add(file + ":" + line(source, i) + ": attribute " + name + "=\"" + value + "\"");
                        }
                    }
                }
                i = end + 1;
            } else {
                int next = source.indexOf('<', i);
                if (next < 0) {
                    next = source.length();
                }
                String text = source.substring(i, next);
                String stripped = INLINE_OR_ENTITY.matcher(text).replaceAll("");
                if (hasLetter(stripped)) {
                    int offset = i + (text.length() - text.stripLeading().length());
                    violations.add(file + ":" + line(source, offset) + ": text \"" + text.strip() + "\"");
                }
                i = next;
            }
        }
        return violations;
    }

    /** The index of the '>' that closes the tag opened at {@code start}, skipping quoted values. */
    private static int endOfTag(String s, int start) {
        char quote = 0;
        for (int j = start + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j;
            }
        }
        return s.length() - 1;
    }

    private static boolean hasLetter(String s) {
        return s.codePoints().anyMatch(cp -> Character.isLetter(cp) || Character.isIdeographic(cp));
    }

    private static String keepLines(String removed) {
        return removed.replaceAll("[^\n]", "");
    }

    private static int line(String s, int offset) {
        int line = 1;
        for (int j = 0; j < offset; j++) {
            if (s.charAt(j) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(MESSAGES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        assertThat(p).as(name).isNotEmpty();
        return p;
    }
}
