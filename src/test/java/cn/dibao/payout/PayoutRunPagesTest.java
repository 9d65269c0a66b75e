package cn.dibao.payout;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The 发放 pages as county reviewers click them: generate, review, approve (four eyes), export, answer, close. */
@IntegrationTest
class PayoutRunPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PayoutRunService runs;

    private PayoutWebFixture county() {
        return new PayoutWebFixture(jdbc, users, fixtures);
    }

    private String runStatus(long runId) {
        return jdbc.queryForObject("select status from payout_run where id = ?", String.class, runId);
    }

    private String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The money cells of the totals table's body, and its sum row. */
    private static List<BigDecimal> totalCells(String html) {
        Matcher table = Pattern.compile("<table[^>]*id=\"totals\".*?<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(html);
        assertThat(table.find()).isTrue();
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"text-end money\">([-0-9,.]+)</td>").matcher(table.group(1));
        while (m.find()) {
            out.add(new BigDecimal(m.group(1).replace(",", "")));
        }
        return out;
    }

    private static String sumRow(String html) {
        Matcher m = Pattern.compile("<tr[^>]*id=\"totals-sum\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** A run its generator left unfinished (kill -9): the page says so, offers no approval, and resumes it. */
    @Test
    void anUnfinishedRunIsResumedFromItsPage() throws Exception {
        PayoutWebFixture f = county();
        Long runId = jdbc.queryForObject("""
                insert into payout_run (county_code, month, status, generated_by, generated_at)
                values (?, date '2026-05-01', 'GENERATING', ?, now()) returning id""", Long.class, f.c.county, f.approver);
        MockHttpSession generator = f.login(mvc, f.generator);
        String location = "/payouts/" + runId;
        assertThat(page(location, generator)).contains("id=\"generating-help\"").contains("生成中")
                .contains("id=\"resume-form\"").contains("批次尚未生成完毕，暂不对账").doesNotContain("id=\"approve-form\"");

        mvc.perform(post("/payouts").session(generator).with(csrf())
                        .param("countyCode", f.c.county).param("month", "2026-05"))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("payoutNotice", "payouts.notice.resumed"));
        assertThat(runStatus(runId)).isEqualTo("GENERATED");
        assertThat(jdbc.queryForObject("select total_amount from payout_run where id = ?", BigDecimal.class, runId))
                .isEqualByComparingTo(PayoutWebFixture.TOTAL);
        assertThat(page(location, generator)).doesNotContain("id=\"resume-form\"").contains("id=\"approve-form\"");
    }

    @Test
    void aRunGoesFromGenerationToTheBankFileThroughThePages() throws Exception {
        PayoutWebFixture f = county();
        MockHttpSession generator = f.login(mvc, f.generator);
        assertThat(page("/payouts", generator)).contains("id=\"generate-form\"").contains("id=\"grant-form\"")
                .contains("id=\"recalc-form\"").contains("id=\"menu-payouts\"");

        String location = mvc.perform(post("/payouts").session(generator).with(csrf())
                        .param("countyCode", f.c.county).param("month", "2026-05"))
                .andExpect(redirectedUrlPattern("/payouts/*"))
                .andExpect(flash().attribute("payoutNotice", "payouts.notice.generated"))
                .andReturn().getResponse().getRedirectedUrl();
        long runId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(runStatus(runId)).isEqualTo("GENERATED");
        // a second click gives the same run, and says so
        mvc.perform(post("/payouts").session(generator).with(csrf())
                        .param("countyCode", f.c.county).param("month", "2026-05"))
                .andExpect(redirectedUrl("/payouts/" + runId))
                .andExpect(flash().attribute("payoutNotice", "payouts.notice.existing"));

        assertThat(page("/payouts", generator)).contains("id=\"run-" + runId + "\"").contains("2,100.34")
                .contains("待审核");

        // the run page: totals that add up to the run's total, exactly; the exception; the chart
        String run = page(location, generator);
        List<BigDecimal> cells = totalCells(run);
        assertThat(cells).hasSize(3);   // township A 低保, township B 低保 and 特困
        assertThat(cells.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(PayoutWebFixture.TOTAL);
        assertThat(sumRow(run)).contains("2,100.34").contains(">4<");
        assertThat(jdbc.queryForObject("select total_amount from payout_run where id = ?", BigDecimal.class, runId))
                .isEqualByComparingTo(PayoutWebFixture.TOTAL);
        assertThat(run).contains("id=\"chart\"").contains("payout-seg").contains("无收款账户")
                .contains("href=\"/benefits/" + f.noAccount + "\"").contains("id=\"approve-form\"")
                .contains("id=\"reconciliation\"").contains("月发放").contains("已发出");

        // four eyes: whoever generated it cannot approve it; the page says why and nothing changes
        mvc.perform(post(location + "/approve").session(generator).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("生成发放批次的人员不能审核本批次（双人审核）")));
        assertThat(runStatus(runId)).isEqualTo("GENERATED");

        MockHttpSession approver = f.login(mvc, f.approver);
        mvc.perform(post(location + "/approve").session(approver).with(csrf()))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("payoutNotice", "payouts.notice.approved"));
        assertThat(runStatus(runId)).isEqualTo("APPROVED");
        assertThat(page(location, approver)).contains(f.approver).contains("id=\"bank-file-csv\"")
                .doesNotContain("id=\"approve-form\"");

        // the bank file: an attachment named after county and month, full data, audited
        MockHttpServletResponse file = mvc.perform(get(location + "/bank-file").param("format", "csv").session(approver))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        containsString("bank-" + f.c.county.substring(0, 6) + "-2026-05.csv")))
                .andReturn().getResponse();
        assertThat(file.getContentType()).startsWith("text/csv");
        String[] lines = file.getContentAsString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo(PayoutRunService.BANK_FILE_HEADER);
        assertThat(String.join("\n", lines)).contains("P" + runId + "-" + f.b1 + ",").contains(",500.10,")
                .contains("P" + runId + "-" + f.b3 + ",").doesNotContain("P" + runId + "-" + f.noAccount + ",");
        assertThat(jdbc.queryForObject("""
                select actor from audit_event where action = 'PAYOUT_BANK_FILE' and entity_id = ?""", String.class,
                String.valueOf(runId))).isEqualTo(f.approver);
        assertThat(runStatus(runId)).isEqualTo("EXPORTED");

        // the bank has not answered yet: no close, and the page says how many lines are open
        mvc.perform(post(location + "/close").session(approver).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("尚有 3 笔银行发放未回盘，不能结账")));
        assertThat(runStatus(runId)).isEqualTo("EXPORTED");
        assertThat(page(location, approver)).contains("id=\"returns-form\"").contains("id=\"close-form\"")
                .contains("&#10007;").doesNotContain("payout-ok");
    }

    @Test
    void aTownshipCaseworkerSeesNoCountyRunAndNoForms() throws Exception {
        PayoutWebFixture f = county();
        PayoutRun run = f.run(runs, false);
        MockHttpSession caseworker = f.login(mvc, f.caseworker);
        assertThat(page("/payouts", caseworker)).doesNotContain("id=\"generate-form\"")
                .doesNotContain("id=\"run-" + run.id() + "\"").doesNotContain("id=\"menu-payouts\"");
        mvc.perform(get("/payouts/" + run.id()).session(caseworker)).andExpect(status().isNotFound());
        mvc.perform(get("/payouts/" + run.id() + "/bank-file").session(caseworker)).andExpect(status().isNotFound());
        mvc.perform(post("/payouts/" + run.id() + "/approve").session(caseworker).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/payouts").session(caseworker).with(csrf())
                        .param("countyCode", f.c.county).param("month", "2026-06"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from payout_run where county_code = ?", Integer.class,
                f.c.county)).isEqualTo(1);
    }

    @Test
    void badInputsOnTheRunFormsGiveFieldErrorsAndChangeNothing() throws Exception {
        PayoutWebFixture f = county();
        MockHttpSession reviewer = f.login(mvc, f.generator);
        String[][] generate = {
                {f.c.county, "2026-13", "请按 年-月 格式填写月份"},
                {f.c.county, "七月", "请按 年-月 格式填写月份"},
                {f.c.county, "", "请选择发放月份"},
                {f.c.county, "2031-01", "只能生成本月或下月的发放批次"},
                {"abc", "2026-05", "请选择一个县（市、区）"},
                {"709999000000", "2026-05", "请选择一个县（市、区）"},
                {f.c.townshipA, "2026-05", "请选择一个县（市、区）"},
                {"", "2026-05", "请选择一个县（市、区）"}};
        for (String[] g : generate) {
            mvc.perform(post("/payouts").session(reviewer).with(csrf()).param("countyCode", g[0]).param("month", g[1]))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"generate-form\"")))
                    .andExpect(content().string(containsString(g[2])))
                    .andExpect(content().string(containsString("is-invalid")));
        }
        // what was typed comes back
        mvc.perform(post("/payouts").session(reviewer).with(csrf()).param("countyCode", f.c.county).param("month", "2026-13"))
                .andExpect(content().string(containsString("value=\"2026-13\"")));

        String[][] grants = {
                {"春节一次性生活补贴", "DIBAO", "STANDARD_MONTHS", "-1", "计发系数须大于 0，最多两位小数"},
                {"春节一次性生活补贴", "DIBAO", "STANDARD_MONTHS", "abc", "请填写数字金额"},
                {"春节一次性生活补贴", "DIBAO", "STANDARD_MONTHS", "1.005", "计发系数须大于 0，最多两位小数"},
                {"春节一次性生活补贴", "DIBAO", "STANDARD_MONTHS", "1e99999", "计发系数须大于 0，最多两位小数"},
                {"春节一次性生活补贴", "DIBAO", "MONTHLY", "1", "请选择计发方式"},
                {"春节一次性生活补贴", "DIBAO_EDGE", "STANDARD_MONTHS", "1", "请选择发放对象类别"},
                {"", "DIBAO", "STANDARD_MONTHS", "1", "请填写补贴名称"},
                {"春节一次性生活补贴", null, "STANDARD_MONTHS", "1", "请选择发放对象类别"}};
        for (String[] g : grants) {
            var request = post("/payouts/grants").session(reviewer).with(csrf()).param("countyCode", f.c.county)
                    .param("month", "2026-12").param("name", g[0]).param("basis", g[2]).param("factor", g[3]);
            if (g[1] != null) {
                request.param("programmes", g[1]);
            }
            mvc.perform(request).andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"grant-form\"")))
                    .andExpect(content().string(containsString(g[4])));
        }
        mvc.perform(post("/payouts/grants").session(reviewer).with(csrf()).param("countyCode", f.c.county)
                        .param("month", "2026-12").param("name", "冬季取暖补贴").param("programmes", "TEKUN")
                        .param("basis", "FIXED_PER_PERSON").param("factor", "-3"))
                .andExpect(content().string(containsString("value=\"冬季取暖补贴\"")))
                .andExpect(content().string(containsString("value=\"-3\"")));

        mvc.perform(post("/payouts/recalculations").session(reviewer).with(csrf()).param("countyCode", f.c.county)
                        .param("month", "2026-7-1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请按 年-月 格式填写月份")));
        mvc.perform(post("/payouts/recalculations").session(reviewer).with(csrf()).param("countyCode", "x")
                        .param("month", "2026-07"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择一个县（市、区）")));

        assertThat(jdbc.queryForObject("select count(*) from payout_run where county_code = ?", Integer.class,
                f.c.county)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from payout_grant where county_code = ?", Integer.class,
                f.c.county)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from benefit_recalculation where county_code = ?",
                Integer.class, f.c.county)).isZero();

        // a good grant, then a recalculation of a month already paid (a standard published late)
        mvc.perform(post("/payouts/grants").session(reviewer).with(csrf()).param("countyCode", f.c.county)
                        .param("month", "2026-12").param("name", "春节一次性生活补贴").param("programmes", "DIBAO", "TEKUN")
                        .param("basis", "STANDARD_MONTHS").param("factor", "1"))
                .andExpect(redirectedUrl("/payouts"))
                .andExpect(flash().attribute("payoutNotice", "payouts.notice.grant"));
        assertThat(page("/payouts", reviewer)).contains("id=\"grants-" + f.c.county + "\"").contains("春节一次性生活补贴")
                // each form's county and month keep their own ids (labels point at them)
                .contains("for=\"gen-county\"", "id=\"gen-county\"", "id=\"grant-month\"", "id=\"recalc-month\"");
        f.run(runs, false);
        mvc.perform(post("/payouts/recalculations").session(reviewer).with(csrf()).param("countyCode", f.c.county)
                        .param("month", "2026-05"))
                .andExpect(redirectedUrl("/payouts"))
                .andExpect(flash().attribute("payoutNotice", "payouts.notice.recalculated"));
        assertThat(jdbc.queryForObject("select count(*) from benefit_recalculation where county_code = ?",
                Integer.class, f.c.county)).isEqualTo(1);
    }

    @Test
    void badInputsOnTheRunPageNeverFailTheServer() throws Exception {
        PayoutWebFixture f = county();
        PayoutRun run = f.run(runs, false);
        String location = "/payouts/" + run.id();
        MockHttpSession reviewer = f.login(mvc, f.approver);
        mvc.perform(get("/payouts/abc").session(reviewer)).andExpect(status().isNotFound());
        mvc.perform(get("/payouts/99999999999999999999").session(reviewer)).andExpect(status().isNotFound());
        mvc.perform(get("/payouts/-5").session(reviewer)).andExpect(status().isNotFound());
        for (String p : new String[] {"abc", "-1", "99999999999", "2147483647"}) {
            mvc.perform(get(location).param("page", p).session(reviewer)).andExpect(status().isOk());
        }
        mvc.perform(get(location).param("kind", "NONSENSE").param("status", "'; drop table x").param("q", "9".repeat(40))
                .session(reviewer)).andExpect(status().isOk());
        // item search by benefit id and by status
        assertThat(page(location + "?q=" + f.b1, reviewer)).contains("id=\"items\"").contains("/benefits/" + f.b1)
                .doesNotContain("/benefits/" + f.b3 + "\"");

        // the bank file before approval, or in a format that does not exist: back to the page with the reason
        mvc.perform(get(location + "/bank-file").param("format", "pdf").session(reviewer))
                .andExpect(redirectedUrl(location)).andExpect(flash().attribute("payoutError", "payouts.bankFile.format"));
        mvc.perform(get(location + "/bank-file").param("format", "xlsx").session(reviewer))
                .andExpect(redirectedUrl(location)).andExpect(flash().attribute("payoutError", "payout.run.state"))
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(runStatus(run.id())).isEqualTo("GENERATED");

        // a return file for a run that is not exported is refused before the file is read
        mvc.perform(multipart(location + "/returns").file(new MockMultipartFile("file", "return.csv", "text/csv",
                        "参考号,账号,金额,结果,失败原因\r\n".getBytes(StandardCharsets.UTF_8))).session(reviewer).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("当前状态（GENERATED）下不能办理此操作")));
        mvc.perform(multipart(location + "/returns").session(reviewer).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("当前状态（GENERATED）下不能办理此操作")));
        assertThat(jdbc.queryForObject("select count(*) from payout_return_import where run_id = ?", Integer.class,
                run.id())).isZero();

        // hand payments and the close need an exported run; an unknown item is not found
        Long item = jdbc.queryForObject("select min(id) from payout_item where run_id = ?", Long.class, run.id());
        mvc.perform(post(location + "/items/" + item + "/pay-by-hand").session(reviewer).with(csrf()).param("note", "现金"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("当前状态（GENERATED）下不能办理此操作")));
        mvc.perform(post(location + "/items/999999999/pay-by-hand").session(reviewer).with(csrf()).param("note", "现金"))
                .andExpect(status().isNotFound());
        mvc.perform(post(location + "/items/x/pay-by-hand").session(reviewer).with(csrf()).param("note", "现金"))
                .andExpect(status().isNotFound());
        mvc.perform(post(location + "/close").session(reviewer).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("当前状态（GENERATED）下不能办理此操作")));
        assertThat(runStatus(run.id())).isEqualTo("GENERATED");
    }

    /**
     * The bank's answers are set here directly (the return-file parser is another branch's work):
     * a failed line is paid by hand with a note, then the run closes and the reconciliation holds.
     */
    @Test
    void aFailedItemIsPaidByHandAndTheRunClosesReconciled() throws Exception {
        PayoutWebFixture f = county();
        PayoutRun run = f.run(runs, true);
        String location = "/payouts/" + run.id();
        MockHttpSession reviewer = f.login(mvc, f.approver);
        mvc.perform(get(location + "/bank-file").session(reviewer)).andExpect(status().isOk());
        jdbc.update("""
                update payout_item set status = 'FAILED', fail_reason = '账户已冻结', answered_at = now()
                where run_id = ? and benefit_id = ?""", run.id(), f.b1);
        jdbc.update("""
                update payout_item set status = 'PAID', answered_at = now()
                where run_id = ? and status = 'ISSUED' and payment_account_id is not null""", run.id());
        long failed = jdbc.queryForObject("select id from payout_item where run_id = ? and benefit_id = ?", Long.class,
                run.id(), f.b1);

        // return files of an exported run: none chosen, or empty (neither reaches the parser)
        mvc.perform(multipart(location + "/returns").session(reviewer).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择银行的回盘文件")));
        mvc.perform(multipart(location + "/returns").file(new MockMultipartFile("file", "", "application/octet-stream",
                        new byte[0])).session(reviewer).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择银行的回盘文件")));
        mvc.perform(multipart(location + "/returns").file(new MockMultipartFile("file", "return.csv", "text/csv",
                        new byte[0])).session(reviewer).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("上传的回盘文件是空的")))
                .andExpect(content().string(containsString("id=\"returns-form\"")));
        assertThat(jdbc.queryForObject("select count(*) from payout_return_import where run_id = ?", Integer.class,
                run.id())).isZero();
        assertThat(page(location + "?status=FAILED", reviewer)).contains("id=\"hand-" + failed + "\"").contains("账户已冻结");

        mvc.perform(post(location + "/items/" + failed + "/pay-by-hand").session(reviewer).with(csrf())
                        .param("note", " ").param("status", "FAILED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写线下补发的方式（最多 200 个字）")))
                .andExpect(content().string(containsString("id=\"hand-" + failed + "\"")));
        mvc.perform(post(location + "/items/" + failed + "/pay-by-hand").session(reviewer).with(csrf())
                        .param("note", "x".repeat(201)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写线下补发的方式")));
        assertThat(jdbc.queryForObject("select count(*) from payout_item where reissue_of = ?", Integer.class, failed))
                .isZero();

        mvc.perform(post(location + "/items/" + failed + "/pay-by-hand").session(reviewer).with(csrf())
                        .param("note", "窗口现金发放").param("status", "FAILED"))
                .andExpect(redirectedUrl(location + "?status=FAILED"))
                .andExpect(flash().attribute("payoutNotice", "payouts.notice.paidByHand"));
        assertThat(jdbc.queryForObject("select status from payout_item where reissue_of = ?", String.class, failed))
                .isEqualTo("PAID");
        // a second time is refused: it was paid again already
        mvc.perform(post(location + "/items/" + failed + "/pay-by-hand").session(reviewer).with(csrf())
                        .param("note", "又一次"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只有发放失败或被退回、且尚未补发的明细才能线下补发")));
        assertThat(page(location, reviewer)).contains("线下补发：窗口现金发放");

        mvc.perform(post(location + "/close").session(reviewer).with(csrf()))
                .andExpect(redirectedUrl(location)).andExpect(flash().attribute("payoutNotice", "payouts.notice.closed"));
        assertThat(runStatus(run.id())).isEqualTo("CLOSED");
        String closed = page(location, reviewer);
        assertThat(closed).contains("payout-ok").contains("发出 = 到账 + 失败 + 退回，对账相符")
                .doesNotContain("id=\"close-form\"").doesNotContain("id=\"hand-");
        assertThat(page("/payouts", reviewer)).contains("id=\"run-" + run.id() + "\"").contains("&#10003;");
    }

    /**
     * The whole flow with a real return file: a rejected file lists every line's error and changes
     * nothing; the corrected one is applied; a failed line is paid by hand; the run closes.
     */
    @Test
    void aReturnFileIsRejectedThenAppliedAndTheRunCloses() throws Exception {
        PayoutWebFixture f = county();
        PayoutRun run = f.run(runs, true);
        String location = "/payouts/" + run.id();
        MockHttpSession reviewer = f.login(mvc, f.approver);
        String[] bank = mvc.perform(get(location + "/bank-file").session(reviewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(bank).hasSize(4);
        List<String[]> lines = new ArrayList<>();
        for (int i = 1; i < bank.length; i++) {
            String[] cols = bank[i].split(",");
            lines.add(new String[] {cols[0], cols[4], cols[5]});   // reference, account, amount
        }
        StringBuilder wrong = new StringBuilder("参考号,账号,金额,结果,失败原因\r\n");
        wrong.append(lines.get(0)[0]).append(',').append(lines.get(0)[1]).append(",1.00,成功,\r\n");
        wrong.append(lines.get(1)[0]).append(',').append(lines.get(1)[1]).append(',').append(lines.get(1)[2])
                .append(",失败,\r\n");
        mvc.perform(multipart(location + "/returns").file(new MockMultipartFile("file", "huipan.csv", "text/csv",
                        wrong.toString().getBytes(StandardCharsets.UTF_8))).session(reviewer).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"returns-rejected\"")))
                .andExpect(content().string(containsString("没有修改任何明细")))
                .andExpect(content().string(containsString("第 2 行")))
                .andExpect(content().string(containsString("第 3 行")));
        assertThat(jdbc.queryForObject("select count(*) from payout_item where run_id = ? and status <> 'ISSUED'",
                Integer.class, run.id())).isZero();

        StringBuilder good = new StringBuilder("参考号,账号,金额,结果,失败原因\r\n");
        good.append(lines.get(0)[0]).append(',').append(lines.get(0)[1]).append(',').append(lines.get(0)[2])
                .append(",失败,账户已冻结\r\n");
        for (int i = 1; i < lines.size(); i++) {
            good.append(lines.get(i)[0]).append(',').append(lines.get(i)[1]).append(',').append(lines.get(i)[2])
                    .append(",成功,\r\n");
        }
        mvc.perform(multipart(location + "/returns").file(new MockMultipartFile("file", "huipan.csv", "text/csv",
                        good.toString().getBytes(StandardCharsets.UTF_8))).session(reviewer).with(csrf()))
                .andExpect(redirectedUrl(location)).andExpect(flash().attribute("payoutNotice", "payouts.notice.returns"));
        long failed = jdbc.queryForObject("select id from payout_item where run_id = ? and status = 'FAILED'", Long.class,
                run.id());
        mvc.perform(post(location + "/items/" + failed + "/pay-by-hand").session(reviewer).with(csrf())
                        .param("note", "窗口现金发放"))
                .andExpect(redirectedUrl(location));
        mvc.perform(post(location + "/close").session(reviewer).with(csrf())).andExpect(redirectedUrl(location));
        assertThat(runStatus(run.id())).isEqualTo("CLOSED");
        assertThat(page(location, reviewer)).contains("payout-ok").contains("id=\"imports\"");
    }
}
