package cn.dibao;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each feature writes only its own tables (docs/architecture.md, "Who writes which table"; ADR 0015):
 * every SQL string in src/main/java (string literals and text blocks) that inserts, updates or deletes a
 * table must belong to the table's owning feature, read from the table in docs/architecture.md, unless
 * the pair is in {@link #ALLOWED} with the ADR that explains it.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/cn/dibao");
    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");

    /** Feature → tables it may write although another feature owns them, each with its ADR. */
    static final Map<String, Map<String, String>> ALLOWED = Map.of(
            "payout", Map.of("benefit_overpayment", "docs/adr/0013-benefit-versions-and-payout-ledger.md"),
            "demo", Map.of(
                    "area", "docs/adr/0015-code-shape.md",
                    "staff_user", "docs/adr/0015-code-shape.md",
                    "staff_user_role", "docs/adr/0015-code-shape.md",
                    "subsidy_standard", "docs/adr/0015-code-shape.md",
                    "relief_fund", "docs/adr/0015-code-shape.md",
                    "relief_fund_entry", "docs/adr/0015-code-shape.md",
                    "application", "docs/adr/0015-code-shape.md",
                    "benefit", "docs/adr/0015-code-shape.md",
                    "benefit_person", "docs/adr/0015-code-shape.md",
                    "payment_account", "docs/adr/0015-code-shape.md"));

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(insert\\s+into|update|delete\\s+from)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEMP_TABLE = Pattern.compile(
            "\\bcreate\\s+(?:temp|temporary)\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    /** Words after "update" that are not a table: "do update set", "for update of", "for update skip locked". */
    private static final Set<String> NOT_A_TABLE = Set.of("set", "of", "skip", "nowait");

    record Write(String feature, String file, String table) {
    }

    @Test
    void everyFeatureWritesOnlyTheTablesItOwns() {
        Map<String, String> owners = owners();
        List<String> violations = new ArrayList<>();
        for (Write w : writes()) {
            String owner = owners.get(w.table());
            // a word after "update" that is no table ("update the household"): every real table has an owner
            if (owner != null && !owner.equals(w.feature())
                    && !ALLOWED.getOrDefault(w.feature(), Map.of()).containsKey(w.table())) {
                violations.add(w.file() + " (" + w.feature() + ") writes " + w.table() + ", owned by " + owner);
            }
        }
        assertThat(violations).as("writes across feature walls").isEmpty();
    }

    @Test
    void theScanFindsTheWritesItGuards() {
        List<Write> writes = writes();
        assertThat(writes).as("the scan reads the sources").hasSizeGreaterThan(50);
        assertThat(writes).contains(new Write("benefit", "benefit/BenefitService.java", "benefit"),
                new Write("payout", "payout/PayoutGeneration.java", "benefit_overpayment"));
    }

    /** The test of the test: a payout class inserting a benefit, or writing an unknown table, is caught. */
    @Test
    void aDeliberateViolationIsCaught() {
        String source = """
                class Sneaky {
                    void run() {
                        jdbc.sql(\"""
                                insert into benefit (application_id) values (:id)\""").update();
                        jdbc.sql("update person set name = :n where id = :id").update();
                        jdbc.sql("insert into payout_item (run_id) values (1) on conflict do update set run_id = 1");
                        jdbc.sql("select 1 from payout_run for update of payout_run");
                    }
                }""";
        List<Write> found = scan("payout", "payout/Sneaky.java", source);
        assertThat(found).extracting(Write::table).containsExactly("benefit", "person", "payout_item");
        Map<String, String> owners = owners();
        assertThat(found).filteredOn(w -> !owners.get(w.table()).equals(w.feature()))
                .extracting(Write::table).containsExactly("benefit", "person");
    }

    @Test
    void everyTableOfTheMigrationsHasAnOwnerAndEveryAllowanceCitesAnAdr() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.toList()) {
                Matcher m = Pattern.compile("(?i)create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?"
                        + "([a-z_][a-z0-9_]*)").matcher(Files.readString(f));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(owners().keySet()).containsAll(tables);
        ALLOWED.values().forEach(m -> m.values().forEach(adr -> assertThat(Path.of(adr)).exists()));
    }

    /** Table → owning feature, from the table in docs/architecture.md. */
    static Map<String, String> owners() {
        Map<String, String> owners = new LinkedHashMap<>();
        String doc = read(ARCHITECTURE);
        int start = doc.indexOf("## Who writes which table");
        assertThat(start).as("docs/architecture.md has the ownership section").isNotNegative();
        Matcher row = Pattern.compile("(?m)^\\| (`[a-z_`, ]+`) \\| ([a-z]+) \\|$").matcher(doc.substring(start));
        while (row.find()) {
            for (String t : row.group(1).split(",")) {
                owners.put(t.trim().replace("`", ""), row.group(2));
            }
        }
        return owners;
    }

    static List<Write> writes() {
        List<Write> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue; // DibaoApplication
                }
                out.addAll(scan(rel.getName(0).toString(), rel.toString().replace('\\', '/'), read(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The writes in the SQL strings of one source file; temporary tables it creates are its own. */
    static List<Write> scan(String feature, String file, String source) {
        List<String> strings = new ArrayList<>();
        Matcher block = TEXT_BLOCK.matcher(source);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (block.find()) {
            strings.add(block.group(1));
            rest.append(source, last, block.start()).append(' ');
            last = block.end();
        }
        rest.append(source.substring(last));
        Matcher literal = LITERAL.matcher(rest);
        while (literal.find()) {
            strings.add(literal.group(1));
        }
        Set<String> temporary = new HashSet<>();
        for (String s : strings) {
            Matcher t = TEMP_TABLE.matcher(s);
            while (t.find()) {
                temporary.add(t.group(1).toLowerCase());
            }
        }
        List<Write> out = new ArrayList<>();
        for (String s : strings) {
            Matcher w = WRITE.matcher(s);
            while (w.find()) {
                String table = w.group(2).toLowerCase();
                if (!NOT_A_TABLE.contains(table) && !temporary.contains(table)) {
                    out.add(new Write(feature, file, table));
                }
            }
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
