package cn.dibao.payout;

import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 6's core: generating, reviewing, approving and exporting a county's monthly run, on PostgreSQL. */
@IntegrationTest
class PayoutRunServiceTest {

    static final YearMonth MAY = YearMonth.of(2026, 5);

    @Autowired
    PayoutRunService runs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    UserDetailsService users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private PayoutTestCounty newCounty() {
        return PayoutTestCounty.create(jdbc, users);
    }

    private List<Long> itemIds(long runId) {
        return jdbc.queryForList("select id from payout_item where run_id = ? order by id", Long.class, runId);
    }

    @Test
    void generatingTwiceGivesTheSameRunAndNoDuplicates() {
        PayoutTestCounty c = newCounty();
        String reviewer = c.reviewer(fixtures);
        for (int i = 0; i < 3; i++) {
            long[] h = c.household(c.villageA);
            c.benefit(h, "DIBAO", false, "500.00", YearMonth.of(2026, 1), null, "ACTIVE");
            c.account(h, "62170000000000" + i);
        }
        PayoutRun first = c.as(reviewer, () -> runs.generate(c.county, MAY));
        List<Long> items = itemIds(first.id());
        assertThat(first.status()).isEqualTo(PayoutRunStatus.GENERATED);
        assertThat(first.itemCount()).isEqualTo(3);
        assertThat(items).hasSize(3);

        // a benefit approved after the run does not slip into it: the run stays as generated
        c.benefit(c.household(c.villageA), "DIBAO", false, "10.00", YearMonth.of(2026, 1), null, "ACTIVE");
        PayoutRun second = c.as(reviewer, () -> runs.generate(c.county, MAY));
        assertThat(second).isEqualTo(first);
        assertThat(itemIds(first.id())).isEqualTo(items);
        assertThat(jdbc.queryForObject("select count(*) from payout_run where county_code = ?", Integer.class, c.county))
                .isEqualTo(1);
        // whatever writes it, the database refuses a second item for the same benefit, month and kind
        assertThatThrownBy(() -> jdbc.update("""
                insert into payout_item (run_id, month, benefit_id, household_id, payee_person_id, township_code,
                    programme, kind, amount)
                select run_id, month, benefit_id, household_id, payee_person_id, township_code, programme, kind, amount
                from payout_item where id = ?""", items.get(0)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void concurrentGeneratorsMakeOneRun() throws Exception {
        PayoutTestCounty c = newCounty();
        String reviewer = c.reviewer(fixtures);
        String other = c.reviewer(fixtures);
        for (int i = 0; i < 50; i++) {
            long[] h = c.household(i % 2 == 0 ? c.villageA : c.villageB);
            c.benefit(h, "DIBAO", false, "300.10", YearMonth.of(2026, 1), null, "ACTIVE");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<PayoutRun> a = pool.submit(() -> {
                go.await();
                return c.as(reviewer, () -> runs.generate(c.county, MAY));
            });
            Future<PayoutRun> b = pool.submit(() -> {
                go.await();
                return c.as(other, () -> runs.generate(c.county, MAY));
            });
            go.countDown();
            PayoutRun ra = a.get(60, TimeUnit.SECONDS);
            PayoutRun rb = b.get(60, TimeUnit.SECONDS);
            assertThat(ra.id()).isEqualTo(rb.id());
            assertThat(ra.itemCount()).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from payout_run where county_code = ?", Integer.class, c.county))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from payout_item i join payout_run r on r.id = i.run_id where r.county_code = ?""",
                Integer.class, c.county)).isEqualTo(50);
    }

    /**
     * The generating connections die half-way (as when the database ends the sessions of a vanished
     * client): the generator fails, takes the unfinished run away, and the next generate makes the
     * whole run.
     */
    @Test
    void aGeneratorWhoseConnectionsDieLeavesNothing() throws Exception {
        PayoutTestCounty c = newCounty();
        String reviewer = c.reviewer(fixtures);
        for (int i = 0; i < 5; i++) {
            long[] h = c.household(c.villageA);
            c.benefit(h, "DIBAO", false, "420.00", YearMonth.of(2026, 1), null, "ACTIVE");
            c.account(h, "62280000000000" + i);
        }
        CompletableFuture<PayoutRun> generating;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                // the items statements read payment_account: they wait here, after the run row was committed
                st.execute("lock table payment_account in access exclusive mode");
            }
            generating = CompletableFuture.supplyAsync(() -> c.as(reviewer, () -> runs.generate(c.county, MAY)));
            List<Integer> pids = waitForBlockedParts(2);
            assertThat(pids).as("both parts waiting on their items statements").hasSize(2);
            // meanwhile the run is there, unfinished: it cannot be approved
            Long runId = jdbc.queryForObject("select id from payout_run where county_code = ? and status = 'GENERATING'",
                    Long.class, c.county);
            String other = c.reviewer(fixtures);
            assertThatThrownBy(() -> c.as(other, () -> runs.approve(runId))).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("payout.run.state");
            for (Integer pid : pids) {
                jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, pid);
            }
            assertThatThrownBy(() -> generating.get(60, TimeUnit.SECONDS))
                    .isInstanceOf(java.util.concurrent.ExecutionException.class);
            blocker.rollback();
        }
        assertThat(jdbc.queryForObject("select count(*) from payout_run where county_code = ?", Integer.class, c.county))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from payout_item where township_code like ?", Integer.class,
                c.county.substring(0, 6) + "%")).isZero();

        PayoutRun again = c.as(reviewer, () -> runs.generate(c.county, MAY));
        assertThat(again.status()).isEqualTo(PayoutRunStatus.GENERATED);
        assertThat(again.itemCount()).isEqualTo(5);
        assertThat(again.totalAmount()).isEqualByComparingTo("2100.00");
    }

    /**
     * What kill -9 of the app leaves between the parts' commits: the run GENERATING with some of its
     * items (here one part's, one of them wrong). It cannot be approved; the next generate resumes it:
     * the same run, whole, every benefit once, totals from its items.
     */
    @Test
    void aRunLeftGeneratingByADeadGeneratorResumes() {
        PayoutTestCounty c = newCounty();
        String reviewer = c.reviewer(fixtures);
        String second = c.reviewer(fixtures);
        List<Long> benefits = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long[] h = c.household(i % 2 == 0 ? c.villageA : c.villageB);
            benefits.add(c.benefit(h, "DIBAO", false, "310.50", YearMonth.of(2026, 1), null, "ACTIVE"));
            c.account(h, "62290000000000" + i);
        }
        Long runId = jdbc.queryForObject("""
                insert into payout_run (county_code, month, status, generated_by, generated_at, item_count, total_amount)
                values (?, ?, 'GENERATING', ?, now(), 1, 999.00) returning id""", Long.class, c.county, MAY.atDay(1), reviewer);
        jdbc.update("""
                insert into payout_item (run_id, month, benefit_id, household_id, payee_person_id, township_code,
                    programme, kind, amount)
                select ?, ?, b.id, b.household_id, b.payee_person_id, left(b.area_code, 9) || '000', b.category,
                       'MONTHLY', 999.00
                from benefit b where b.id = ?""", runId, MAY.atDay(1), benefits.get(0));
        assertThatThrownBy(() -> c.as(second, () -> runs.approve(runId))).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("payout.run.state");

        PayoutRun resumed = c.as(second, () -> runs.generate(c.county, MAY));
        assertThat(resumed.id()).isEqualTo(runId);
        assertThat(resumed.status()).isEqualTo(PayoutRunStatus.GENERATED);
        assertThat(resumed.generatedBy()).isEqualTo(second);
        assertThat(resumed.itemCount()).isEqualTo(4);
        assertThat(resumed.totalAmount()).isEqualByComparingTo("1242.00");
        assertThat(jdbc.queryForList("select benefit_id from payout_item where run_id = ? order by benefit_id",
                Long.class, runId)).containsExactlyElementsOf(benefits.stream().sorted().toList());
        assertThat(jdbc.queryForObject("select sum(amount) from payout_item where run_id = ?", java.math.BigDecimal.class,
                runId)).isEqualByComparingTo("1242.00");
        assertThat(jdbc.queryForObject("select sum(items) from payout_run_total where run_id = ?", Integer.class, runId))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PAYOUT_RESUME' and entity_id = ?",
                Integer.class, String.valueOf(runId))).isEqualTo(1);
        // resumed runs go on like any other: the first generator may not approve, the other may
        assertThat(c.as(reviewer, () -> runs.approve(runId)).status()).isEqualTo(PayoutRunStatus.APPROVED);
    }

    /**
     * However many parts the month is cut into (one, more than the benefits' id span has room for),
     * every benefit of the county gets its item once, and the totals are those of the items.
     */
    @Test
    void anyNumberOfPartsGivesEveryBenefitOnce() {
        PayoutTestCounty c = newCounty();
        String reviewer = c.reviewer(fixtures);
        List<Long> benefits = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long[] h = c.household(i % 2 == 0 ? c.villageA : c.villageB);
            benefits.add(c.benefit(h, "DIBAO", false, (100 + i) + ".01", YearMonth.of(2026, 1), null, "ACTIVE"));
        }
        int month = 1;
        for (int parts : new int[]{1, 3, 16}) {
            PayoutGeneration generation = new PayoutGeneration(
                    org.springframework.jdbc.core.simple.JdbcClient.create(named), named, transactions, BigDecimal.TEN, parts);
            YearMonth m = YearMonth.of(2027, month++);
            Long runId = jdbc.queryForObject("""
                    insert into payout_run (county_code, month, status, generated_by, generated_at)
                    values (?, ?, 'GENERATING', ?, now()) returning id""", Long.class, c.county, m.atDay(1), reviewer);
            try {
                PayoutGeneration.MonthItems items = generation.month(runId, c.county, m);
                assertThat(items.parts()).isEqualTo(Math.min(parts, (int) (benefits.get(6) - benefits.get(0) + 1)));
                new org.springframework.transaction.support.TransactionTemplate(transactions)
                        .executeWithoutResult(s -> generation.finish(runId, c.county, m, items));
            } finally {
                generation.stop();
            }
            assertThat(jdbc.queryForList("select benefit_id from payout_item where run_id = ? order by benefit_id",
                    Long.class, runId)).as("%d parts", parts).containsExactlyElementsOf(benefits);
            assertThat(jdbc.queryForObject("select total_amount from payout_run where id = ?", BigDecimal.class, runId))
                    .as("%d parts", parts).isEqualByComparingTo("721.07");
            assertThat(jdbc.queryForObject("select sum(amount) from payout_run_total where run_id = ?", BigDecimal.class,
                    runId)).isEqualByComparingTo("721.07");
        }
    }

    /** The county's generation lock: held by one session at a time; a waiter gives up with a clear refusal. */
    @Test
    void theCountyLockIsHeldByOneGeneratorAtATime() throws Exception {
        PayoutTestCounty c = newCounty();
        try (CountyGenerationLock held = CountyGenerationLock.acquire(dataSource, c.county, Duration.ofSeconds(5))) {
            long t = System.nanoTime();
            assertThatThrownBy(() -> CountyGenerationLock.acquire(dataSource, c.county, Duration.ofMillis(300)))
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("payout.generate.busy");
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            // grants and recalculations take the same key as a transaction lock: they wait too
            try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
                var rs = st.executeQuery("select pg_try_advisory_lock(" + PayoutRunService.LOCK_CLASS + ", "
                        + c.county.substring(0, 6) + ")");
                assertThat(rs.next() && rs.getBoolean(1)).isFalse();
            }
        }
        try (CountyGenerationLock again = CountyGenerationLock.acquire(dataSource, c.county, Duration.ofMillis(300))) {
            assertThat(again).isNotNull();
        }
    }

    /** The parts commit on connections of their own: inside a caller's transaction they could not see it. */
    @Test
    void generateRefusesToRunInsideATransaction() {
        PayoutTestCounty c = newCounty();
        String reviewer = c.reviewer(fixtures);
        assertThatThrownBy(() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(s -> c.as(reviewer, () -> runs.generate(c.county, MAY))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("select count(*) from payout_run where county_code = ?", Integer.class, c.county))
                .isZero();
    }

    private List<Integer> waitForBlockedParts(int parts) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Integer> pids = List.of();
        while (System.nanoTime() < until) {
            pids = jdbc.queryForList("""
                    select pid from pg_stat_activity
                    where pid <> pg_backend_pid() and wait_event_type = 'Lock'
                      and query like '%insert into payout_item%'""", Integer.class);
            if (pids.size() >= parts) {
                return pids;
            }
            Thread.sleep(50);
        }
        return pids;
    }

    @Test
    void theGeneratorCannotApprove() {
        PayoutTestCounty c = newCounty();
        String generator = c.reviewer(fixtures);
        String second = c.reviewer(fixtures);
        String caseworker = fixtures.user(c.townshipA, PayoutTestCounty.PASSWORD, "CASEWORKER");
        String countyCaseworker = fixtures.user(c.county, PayoutTestCounty.PASSWORD, "CASEWORKER");
        long[] h = c.household(c.villageA);
        c.benefit(h, "DIBAO", false, "100.00", YearMonth.of(2026, 1), null, "ACTIVE");
        PayoutRun run = c.as(generator, () -> runs.generate(c.county, MAY));

        assertThatThrownBy(() -> c.as(generator, () -> runs.approve(run.id())))
                .isInstanceOf(ForbiddenActionException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("payout.fourEyes");
        assertThatThrownBy(() -> c.as(countyCaseworker, () -> runs.approve(run.id())))
                .isInstanceOf(ForbiddenActionException.class);
        // a township user does not even see the county's run
        assertThatThrownBy(() -> c.as(caseworker, () -> runs.approve(run.id())))
                .isInstanceOf(NotFoundException.class);
        // nor does a reviewer of another county
        PayoutTestCounty elsewhere = newCounty();
        String foreign = elsewhere.reviewer(fixtures);
        assertThatThrownBy(() -> elsewhere.as(foreign, () -> runs.approve(run.id())))
                .isInstanceOf(NotFoundException.class);
        // a caseworker cannot generate either
        assertThatThrownBy(() -> c.as(countyCaseworker, () -> runs.generate(c.county, MAY.plusMonths(1))))
                .isInstanceOf(ForbiddenActionException.class);

        PayoutRun approved = c.as(second, () -> runs.approve(run.id()));
        assertThat(approved.status()).isEqualTo(PayoutRunStatus.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo(second);
        assertThat(approved.generatedBy()).isEqualTo(generator);
        assertThatThrownBy(() -> c.as(second, () -> runs.approve(run.id())))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("payout.run.state");
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where entity_type = 'payout_run' and entity_id = ?
                  and action in ('PAYOUT_GENERATE', 'PAYOUT_APPROVE')""", Integer.class, String.valueOf(run.id())))
                .isEqualTo(2);
    }

    @Test
    void onlyBenefitsInForceThatMonthArePaid() {
        PayoutTestCounty c = newCounty();
        String reviewer = c.reviewer(fixtures);
        long monthly = c.benefit(c.household(c.villageA), "DIBAO", false, "500.00", YearMonth.of(2026, 1), null,
                "ACTIVE");
        long oneOff = c.benefit(c.household(c.villageA), "TEMP_RELIEF", true, "2000.00", MAY, MAY, "ACTIVE");
        long endsInMay = c.benefit(c.household(c.villageA), "DIBAO", false, "300.00", YearMonth.of(2026, 2), MAY,
                "ACTIVE");
        long startsInJune = c.benefit(c.household(c.villageB), "TEKUN", false, "1500.00", MAY.plusMonths(1), null,
                "ACTIVE");
        long stopped = c.benefit(c.household(c.villageB), "DIBAO", false, "400.00", YearMonth.of(2026, 1), null,
                "STOPPED");
        long suspended = c.benefit(c.household(c.villageB), "DIBAO", false, "450.00", YearMonth.of(2026, 1), null,
                "SUSPENDED");

        record Line(long benefit, String kind) {
        }
        java.util.function.Function<YearMonth, List<Line>> paid = month -> {
            PayoutRun run = c.as(reviewer, () -> runs.generate(c.county, month));
            return jdbc.query("select benefit_id, kind from payout_item where run_id = ? order by benefit_id",
                    (rs, i) -> new Line(rs.getLong(1), rs.getString(2)), run.id());
        };
        assertThat(paid.apply(MAY.minusMonths(1))).containsExactly(new Line(monthly, "MONTHLY"),
                new Line(endsInMay, "MONTHLY"));
        assertThat(paid.apply(MAY)).containsExactly(new Line(monthly, "MONTHLY"), new Line(oneOff, "ONE_OFF"),
                new Line(endsInMay, "MONTHLY"));
        assertThat(paid.apply(MAY.plusMonths(1))).containsExactly(new Line(monthly, "MONTHLY"),
                new Line(startsInJune, "MONTHLY"));
        assertThat(jdbc.queryForObject("select count(*) from payout_item where benefit_id in (?, ?)", Integer.class,
                stopped, suspended)).isZero();
    }

    @Test
    void totalsByTownshipAndProgrammeAreExactToTheFen() {
        PayoutTestCounty c = newCounty();
        String reviewer = c.reviewer(fixtures);
        String[][] benefits = {
                {"A", "DIBAO", "0.01"}, {"A", "DIBAO", "855.33"}, {"A", "DIBAO", "0.10"},
                {"A", "TEKUN", "1120.10"}, {"B", "DIBAO", "333.33"}, {"B", "DIBAO", "333.34"},
                {"B", "TEKUN", "1451.99"}, {"B", "DIBAO", "0.00"}};
        long noAccountHousehold = 0;
        long zeroBenefit = 0;
        for (int i = 0; i < benefits.length; i++) {
            long[] h = c.household(benefits[i][0].equals("A") ? c.villageA : c.villageB);
            long b = c.benefit(h, benefits[i][1], false, benefits[i][2], YearMonth.of(2026, 1), null, "ACTIVE");
            if (i == 2) {
                noAccountHousehold = h[0];     // no account for this payee
            } else {
                c.account(h, "6230" + (100000 + i));
            }
            if (benefits[i][2].equals("0.00")) {
                zeroBenefit = b;
            }
        }
        PayoutRun run = c.as(reviewer, () -> runs.generate(c.county, MAY));
        assertThat(run.itemCount()).isEqualTo(8);
        assertThat(run.totalAmount()).isEqualByComparingTo("4094.20");
        assertThat(run.zeroCount()).isEqualTo(1);
        assertThat(run.noAccountCount()).isEqualTo(1);

        List<PayoutTotal> totals = c.as(reviewer, () -> runs.totals(run.id()));
        assertThat(totals).extracting(PayoutTotal::townshipCode, PayoutTotal::programme, PayoutTotal::items,
                t -> t.amount().toPlainString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(c.townshipA, "DIBAO", 3, "855.44"),
                org.assertj.core.groups.Tuple.tuple(c.townshipA, "TEKUN", 1, "1120.10"),
                org.assertj.core.groups.Tuple.tuple(c.townshipB, "DIBAO", 3, "666.67"),
                org.assertj.core.groups.Tuple.tuple(c.townshipB, "TEKUN", 1, "1451.99"));
        assertThat(totals.stream().map(PayoutTotal::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(run.totalAmount());

        List<PayoutIssue> issues = c.as(reviewer, () -> runs.issues(run.id(), 100));
        long expectedNoAccount = noAccountHousehold;
        long expectedZero = zeroBenefit;
        assertThat(issues).hasSize(2);
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.reason()).isEqualTo(PayoutIssue.Reason.NO_ACCOUNT);
            assertThat(i.householdId()).isEqualTo(expectedNoAccount);
        });
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.reason()).isEqualTo(PayoutIssue.Reason.ZERO_AMOUNT);
            assertThat(i.benefitId()).isEqualTo(expectedZero);
        });
    }

    @Test
    void theBankFileHasFullPayeeDataAndTheDownloadIsAudited() {
        PayoutTestCounty c = newCounty();
        String generator = c.reviewer(fixtures);
        String approver = c.reviewer(fixtures);
        long[] h1 = c.household(c.villageA);
        long[] h2 = c.household(c.villageB);
        long[] h3 = c.household(c.villageB);
        long b1 = c.benefit(h1, "DIBAO", false, "855.30", YearMonth.of(2026, 1), null, "ACTIVE");
        long b2 = c.benefit(h2, "TEKUN", false, "1451.99", YearMonth.of(2026, 1), null, "ACTIVE");
        c.benefit(h3, "DIBAO", false, "12.00", YearMonth.of(2026, 1), null, "ACTIVE"); // no account: not in the file
        c.account(h1, "6217000011112222333");
        c.account(h2, "6228480000000001");
        jdbc.update("update payment_account set holder_name = '欧阳,\"明\"', custody = true where person_id = ?", h2[1]);
        String[] p1 = jdbc.queryForObject("select name, id_number from person where id = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, h1[1]);
        String id2 = jdbc.queryForObject("select id_number from person where id = ?", String.class, h2[1]);

        PayoutRun run = c.as(generator, () -> runs.generate(c.county, MAY));
        ByteArrayOutputStream notYet = new ByteArrayOutputStream();
        assertThatThrownBy(() -> c.as(approver, () -> runs.exportBankFile(run.id(), notYet)))
                .isInstanceOf(DomainException.class);
        assertThat(notYet.size()).isZero();
        c.as(approver, () -> runs.approve(run.id()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PayoutRunService.BankFile file = c.as(approver, () -> runs.exportBankFile(run.id(), out));
        assertThat(file.rows()).isEqualTo(2);
        assertThat(file.total()).isEqualByComparingTo("2307.29");
        // one line per benefit, referenced P<run>-<benefit>, in township order
        assertThat(out.toString(StandardCharsets.UTF_8).split("\r\n")).containsExactly(
                PayoutRunService.BANK_FILE_HEADER,
                "P" + run.id() + "-" + b1 + "," + p1[0] + "," + p1[1] + ",农村商业银行,6217000011112222333,"
                        + "855.30,DIBAO," + c.townshipA + ",2026-05,N",
                "P" + run.id() + "-" + b2 + ",\"欧阳,\"\"明\"\"\"," + id2 + ",农村商业银行,6228480000000001,"
                        + "1451.99,TEKUN," + c.townshipB + ",2026-05,Y");

        assertThat(c.as(approver, () -> runs.get(run.id())).status()).isEqualTo(PayoutRunStatus.EXPORTED);
        assertThat(jdbc.queryForObject("""
                select actor from audit_event where action = 'PAYOUT_BANK_FILE' and entity_id = ?""", String.class,
                String.valueOf(run.id()))).isEqualTo(approver);
    }

    @Test
    void monthsTooFarAheadAndUnknownCountiesAreRefused() {
        PayoutTestCounty c = newCounty();
        String reviewer = c.reviewer(fixtures);
        assertThatThrownBy(() -> c.as(reviewer, () -> runs.generate(c.county, YearMonth.now().plusMonths(3))))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("payout.month.future");
        assertThatThrownBy(() -> c.as(reviewer, () -> runs.generate(c.townshipA, MAY)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("payout.county.unknown");
    }
}
