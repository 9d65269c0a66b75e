package cn.dibao.demo;

import cn.dibao.common.identity.IdNumbers;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic households for the demo and for benchmarks: Chinese names, valid checksummed ID
 * numbers, members, incomes. Rows go in with COPY in batches, never one entity at a time, so
 * 1M households / 2.5M persons take minutes, not hours. Deterministic for a given seed.
 */
public class HouseholdGenerator {

    private static final Logger log = LoggerFactory.getLogger(HouseholdGenerator.class);
    private static final int BATCH = 20_000;
    private static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);

    private static final String[] SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
            + "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟").split(" ");
    private static final String GIVEN_M = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志海峰庆东文";
    private static final String GIVEN_F = "芳娜敏静丽艳娟霞秀英华玲桂兰萍红梅琳燕丹雪倩莉婷慧颖佳琴云凤洁蓉晶月";
    private static final String[] STREETS = {"海滨路", "长江路", "嘉陵江路", "珠江路", "香江路", "黄河路", "峨眉山路", "庐山路",
            "泰山路", "昆仑山路", "武夷山路", "井冈山路"};

    private final DataSource dataSource;

    public HouseholdGenerator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Result(int households, int persons, int incomeItems, long millis) {
    }

    /**
     * Generates households spread over the given villages.
     *
     * @param idAddressCode the 6-digit address code put in generated ID numbers; use a different one
     *                      per generated population so numbers never collide
     */
    public Result generate(int households, long seed, List<String> villageCodes, String idAddressCode)
            throws SQLException {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        Map<Long, Integer> sequenceByBirthDay = new HashMap<>();
        int persons = 0;
        int incomes = 0;
        // plain JDBC, not JdbcClient: COPY through the driver's CopyManager, on one connection held for the whole load
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long nextPerson = maxId(c, "person") + 1;
            long nextHousehold = maxId(c, "household") + 1;
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int done = 0; done < households; done += BATCH) {
                int n = Math.min(BATCH, households - done);
                StringBuilder p = new StringBuilder(n * 300);
                StringBuilder h = new StringBuilder(n * 120);
                StringBuilder m = new StringBuilder(n * 100);
                StringBuilder inc = new StringBuilder(n * 150);
                for (int i = 0; i < n; i++) {
                    long hid = nextHousehold++;
                    String village = villageCodes.get(random.nextInt(villageCodes.size()));
                    boolean urban = village.substring(9).compareTo("200") < 0;
                    int size = householdSize(random);
                    String surname = SURNAMES[random.nextInt(SURNAMES.length)];
                    int headAge = size == 1 && random.nextInt(100) < 55 ? 60 + random.nextInt(30) : 28 + random.nextInt(45);
                    long headId = nextPerson;
                    boolean severe = false;
                    boolean ill = false;
                    boolean child = false;
                    StringBuilder members = new StringBuilder();
                    for (int k = 0; k < size; k++) {
                        long pid = nextPerson++;
                        String relation;
                        int age;
                        boolean male;
                        String name;
                        if (k == 0) {
                            relation = "HEAD";
                            age = headAge;
                            male = random.nextInt(100) < 60;
                            name = surname + given(random, male);
                        } else if (k == 1 && size > 1 && headAge < 80 && random.nextInt(100) < 80) {
                            relation = "SPOUSE";
                            age = Math.max(20, headAge + random.nextInt(9) - 4);
                            male = random.nextBoolean();
                            name = SURNAMES[random.nextInt(SURNAMES.length)] + given(random, male);
                        } else if (headAge > 50 && random.nextInt(100) < 30) {
                            relation = "GRANDCHILD";
                            age = random.nextInt(16);
                            male = random.nextBoolean();
                            name = surname + given(random, male);
                        } else if (headAge < 45 && random.nextInt(100) < 25) {
                            relation = "PARENT";
                            age = headAge + 22 + random.nextInt(10);
                            male = random.nextBoolean();
                            name = (male ? surname : SURNAMES[random.nextInt(SURNAMES.length)]) + given(random, male);
                        } else {
                            relation = "CHILD";
                            age = Math.max(0, headAge - 22 - random.nextInt(15));
                            male = random.nextBoolean();
                            name = surname + given(random, male);
                        }
                        if (age < 18) {
                            child = true;
                        }
                        LocalDate birth = REFERENCE.minusYears(age).minusDays(random.nextInt(365));
                        String idNumber = idNumber(idAddressCode, birth, male, sequenceByBirthDay);
                        LocalDate born = IdNumbers.birthDate(idNumber).orElseThrow();
                        String disabilityCat = "\\N";
                        String disabilityGrade = "\\N";
                        if (random.nextInt(100) < 6) {
                            int grade = 1 + random.nextInt(4);
                            disabilityCat = String.valueOf(1 + random.nextInt(7));
                            disabilityGrade = String.valueOf(grade);
                            severe |= grade <= 2;
                        }
                        boolean seriousIllness = random.nextInt(100) < 3;
                        ill |= seriousIllness;
                        String student = age < 6 ? "PRESCHOOL" : age < 12 ? "PRIMARY" : age < 15 ? "JUNIOR"
                                : age < 18 ? "SENIOR" : age < 22 && random.nextInt(100) < 40 ? "UNDERGRADUATE" : "NONE";
                        String employment = age < 16 || !"NONE".equals(student) ? "NOT_WORKING_AGE"
                                : age >= 60 ? "RETIRED" : urban ? (random.nextInt(100) < 65 ? "EMPLOYED" : "UNEMPLOYED")
                                : "FARMING";
                        String labour = !"\\N".equals(disabilityGrade) && Integer.parseInt(disabilityGrade) <= 2 ? "NONE"
                                : age >= 60 || seriousIllness ? "PARTIAL" : "FULL";
                        p.append(pid).append('\t').append(name).append("\tRESIDENT_ID\t").append(idNumber).append('\t')
                                .append(male ? 'M' : 'F').append('\t').append(born).append('\t')
                                .append(random.nextInt(100) < 70 ? phone(random) : "\\N").append('\t')
                                .append(disabilityCat).append('\t').append(disabilityGrade).append('\t')
                                .append(seriousIllness ? 't' : 'f').append('\t').append(labour).append('\t')
                                .append(employment).append('\t').append(student).append("\tgenerator\tgenerator\n");
                        members.append(hid).append('\t').append(pid).append('\t').append(relation).append("\tt\t\\N\t")
                                .append(REFERENCE.minusYears(Math.min(age, 5))).append("\tgenerator\tgenerator\n");
                        incomes += incomeLines(inc, random, hid, pid, age, employment, urban);
                    }
                    m.append(members);
                    persons += size;
                    StringBuilder tags = new StringBuilder("{");
                    if (size == 1 && headAge >= 60) {
                        tags.append("ELDERLY_ALONE,");
                    }
                    if (severe) {
                        tags.append("SEVERE_DISABILITY,");
                    }
                    if (ill) {
                        tags.append("SERIOUS_ILLNESS,");
                    }
                    if (!urban && child && random.nextInt(100) < 15) {
                        tags.append("LEFT_BEHIND_CHILD,");
                    }
                    if (tags.length() > 1) {
                        tags.setLength(tags.length() - 1);
                    }
                    tags.append('}');
                    h.append(hid).append('\t').append(village).append('\t').append(address(random, urban)).append('\t')
                            .append(urban ? "URBAN" : "RURAL").append('\t').append(headId).append('\t')
                            .append("网格").append(1 + random.nextInt(12)).append('\t').append(tags)
                            .append("\tgenerator\tgenerator\n");
                }
                copy(copy, "copy person (id, name, id_type, id_number, sex, birth_date, phone, disability_category, "
                        + "disability_grade, serious_illness, labour_ability, employment, student_level, created_by, "
                        + "updated_by) from stdin", p);
                copy(copy, "copy household (id, area_code, address, hukou_type, head_person_id, grid, tags, created_by, "
                        + "updated_by) from stdin", h);
                copy(copy, "copy household_member (household_id, person_id, relation, counted, not_counted_reason, "
                        + "joined_on, created_by, updated_by) from stdin", m);
                copy(copy, "copy income_item (household_id, person_id, category, description, monthly_amount, "
                        + "period_from, excluded, exclusion_reason, created_by, updated_by) from stdin", inc);
                c.commit();
                if (households > BATCH) {
                    log.info("Generated {} of {} households", done + n, households);
                }
            }
            try (Statement s = c.createStatement()) {
                // Identity columns must continue after the explicit ids used above.
                s.execute("select setval(pg_get_serial_sequence('person', 'id'), (select max(id) from person))");
                s.execute("select setval(pg_get_serial_sequence('household', 'id'), (select max(id) from household))");
                s.execute("analyze person; analyze household; analyze household_member; analyze income_item");
            }
            c.commit();
        }
        return new Result(households, persons, incomes, (System.nanoTime() - start) / 1_000_000);
    }

    private static int incomeLines(StringBuilder inc, SplittableRandom random, long hid, long pid, int age,
                                   String employment, boolean urban) {
        String from = REFERENCE.minusMonths(6).toString();
        int lines = 0;
        if ("EMPLOYED".equals(employment) && random.nextInt(100) < 85) {
            inc.append(line(hid, pid, "WAGE", "工资", 800 + random.nextInt(300) * 10, from, null));
            lines++;
        } else if ("FARMING".equals(employment) && random.nextInt(100) < 80) {
            inc.append(line(hid, pid, "BUSINESS", "种植养殖", 200 + random.nextInt(130) * 10, from, null));
            lines++;
        } else if ("UNEMPLOYED".equals(employment) && random.nextInt(100) < 30) {
            inc.append(line(hid, pid, "WAGE", "零工", 200 + random.nextInt(60) * 10, from, null));
            lines++;
        }
        if (age >= 60) {
            if (urban && random.nextInt(100) < 70) {
                inc.append(line(hid, pid, "TRANSFER", "养老金", 1200 + random.nextInt(150) * 10, from, null));
                lines++;
            }
            // 城乡居民基础养老金: recorded, not counted (domain-rules §4.3).
            inc.append(line(hid, pid, "TRANSFER", "城乡居民基础养老金", 183, from, "BASIC_PENSION"));
            lines++;
        }
        return lines;
    }

    private static String line(long hid, long pid, String category, String description, int amount, String from,
                               String exclusion) {
        return hid + "\t" + pid + "\t" + category + "\t" + description + "\t" + amount + ".00\t" + from + "\t"
                + (exclusion == null ? "f\t\\N" : "t\t" + exclusion) + "\tgenerator\tgenerator\n";
    }

    private static int householdSize(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 25 ? 1 : r < 55 ? 2 : r < 77 ? 3 : r < 90 ? 4 : 5;
    }

    private static String given(SplittableRandom random, boolean male) {
        String pool = male ? GIVEN_M : GIVEN_F;
        String g = String.valueOf(pool.charAt(random.nextInt(pool.length())));
        return random.nextInt(100) < 70 ? g + pool.charAt(random.nextInt(pool.length())) : g;
    }

    /** A unique valid number: the sequence code counts per birth day, its last digit carrying the sex. */
    private static String idNumber(String address, LocalDate birth, boolean male, Map<Long, Integer> sequences) {
        LocalDate day = birth;
        int seq;
        while (true) {
            int used = sequences.merge(day.toEpochDay(), 1, Integer::sum);
            if (used <= 499) {
                seq = (used - 1) * 2 + (male ? 1 : 0);
                break;
            }
            day = day.minusDays(1);
        }
        String first17 = address + day.toString().replace("-", "") + String.format("%03d", seq);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static String phone(SplittableRandom random) {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    private static String address(SplittableRandom random, boolean urban) {
        if (urban) {
            return STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(300)) + "号" + (1 + random.nextInt(20))
                    + "号楼" + (1 + random.nextInt(6)) + "单元" + (101 + random.nextInt(18) * 100 + random.nextInt(4)) + "室";
        }
        return (1 + random.nextInt(12)) + "组" + (1 + random.nextInt(200)) + "号";
    }

    private static long maxId(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) as max_id from " + table)) {
            rs.next();
            return rs.getLong("max_id");
        }
    }

    private static void copy(CopyManager copy, String sql, StringBuilder rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        CopyIn in = copy.copyIn(sql);
        try {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }
}
