package cn.dibao.eligibility;

import cn.dibao.household.HouseholdService;
import cn.dibao.household.HukouType;
import cn.dibao.standard.StandardService;
import cn.dibao.support.AsStaff;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The window's first day as the caseworker lives it (issue 14): a household registered today, its members
 * added today, checked for this month through the API, gets the amount its numbers give; a month counts the
 * members living together on its last day (ADR 0022), and the report says in one line whom it leaves out.
 */
@IntegrationTest
class MonthMembershipJourneyTest {

    static final String API = "/api/v1/households";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final YearMonth THIS_MONTH = YearMonth.from(TODAY);

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    StandardService standards;
    @Autowired
    HouseholdService households;
    @Autowired
    UserDetailsService users;
    @Autowired
    StandardSimulator simulator;

    /** Through the shared {@link JsonApi}, which also fails on a server error or internals in the answer. */
    private JsonNode send(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        return new JsonApi(mvc, json).call(request.contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "" : body), "caseworker", DEMO_PASSWORD).status(expected).json();
    }

    private long register(String headName, LocalDate joined) throws Exception {
        return send(post(API), """
                {"household": {"areaCode": "%s", "address": "首日路 1 号", "hukouType": "URBAN"},
                 "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}, "headJoinedOn": "%s"}
                """.formatted(VILLAGE_A, headName, newId(LocalDate.of(1982, 5, 6), true), joined), 201)
                .path("id").asLong();
    }

    private long addSpouse(long household, String name, LocalDate joined) throws Exception {
        return addMember(household, "SPOUSE", name, joined, LocalDate.of(1984, 7, 8));
    }

    private long addMember(long household, String relation, String name, LocalDate joined, LocalDate born)
            throws Exception {
        send(post(API + "/" + household + "/members"), """
                {"member": {"relation": "%s", "counted": true, "joinedOn": "%s"},
                 "person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}}
                """.formatted(relation, joined, name, newId(born, false)), 201);
        for (JsonNode m : send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(API + "/"
                + household), "", 200).path("members")) {
            if (m.path("name").asString().equals(name)) {
                return m.path("memberId").asLong();
            }
        }
        throw new AssertionError(name + " not in household " + household);
    }

    private long headPerson(long household) throws Exception {
        return send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(API + "/" + household),
                "", 200).path("members").get(0).path("personId").asLong();
    }

    private JsonNode check(long household, YearMonth month) throws Exception {
        return send(post("/api/v1/eligibility-checks"),
                "{\"householdId\": %d, \"month\": \"%s\"}".formatted(household, month), 201);
    }

    @Test
    void registeredTodayWithTheSpouseTodayIsCheckedForThisMonthWithBoth() throws Exception {
        String head = uniqueName("首");
        long h = register(head, TODAY);
        addSpouse(h, uniqueName("偶"), TODAY);
        send(post(API + "/" + h + "/incomes"), """
                {"personId": %d, "category": "TRANSFER", "description": "养老金", "monthlyAmount": "600.00",
                 "periodFrom": "%s"}""".formatted(headPerson(h), TODAY.minusYears(3)), 201);

        JsonNode now = check(h, THIS_MONTH);
        BigDecimal standard = standards.inForce(VILLAGE_A, HukouType.URBAN, THIS_MONTH).orElseThrow().dibao()
                .dibaoStandard();
        assertThat(now.path("countedMembers").asInt()).isEqualTo(2);
        assertThat(now.path("category").asString()).isEqualTo("DIBAO");
        assertThat(now.path("monthlyTotal").decimalValue())
                .isEqualByComparingTo(standard.multiply(BigDecimal.valueOf(2)).subtract(new BigDecimal("600")));
        assertThat(now.path("absent")).isEmpty();
        assertThat(now.path("verdict").isNull()).isTrue();

        // the month before, nobody lived there yet: the report and its one line say so, by name and day
        JsonNode before = check(h, THIS_MONTH.minusMonths(1));
        assertThat(before.path("countedMembers").asInt()).isZero();
        assertThat(before.path("category").isNull()).isTrue();
        assertThat(before.path("absent")).hasSize(2);
        assertThat(before.path("absent").get(0).path("kind").asString()).isEqualTo("JOINED_LATER");
        assertThat(before.path("absent").get(0).path("relation").asString()).isEqualTo("HEAD");
        assertThat(before.path("verdict").asString())
                .startsWith("共同生活家庭成员 0 人：户主 " + head + "自 " + TODAY + " 起共同生活，配偶 ")
                .endsWith("；不符合各项救助条件").doesNotContain("没有可计入");
    }

    @Test
    void aMemberWhoLeftOnTheFirstIsNotCountedThatMonthButWasTheMonthBefore() throws Exception {
        LocalDate longAgo = TODAY.minusYears(3);
        long h = register(uniqueName("迁"), longAgo);
        String spouse = uniqueName("离");
        long spouseMember = addSpouse(h, spouse, longAgo);
        LocalDate first = THIS_MONTH.atDay(1);
        AsStaff.run(users, "caseworker", () -> households.endMembership(h, spouseMember, first, "外出务工，迁出"));

        JsonNode now = check(h, THIS_MONTH);
        assertThat(now.path("countedMembers").asInt()).isEqualTo(1);
        assertThat(now.path("absent")).hasSize(1);
        assertThat(now.path("absent").get(0).path("name").asString()).isEqualTo(spouse);
        assertThat(now.path("absent").get(0).path("kind").asString()).isEqualTo("LEFT");
        assertThat(now.path("verdict").asString()).startsWith("共同生活家庭成员 1 人：配偶 " + spouse + "已于 " + first + " 迁出");

        JsonNode before = check(h, THIS_MONTH.minusMonths(1));
        assertThat(before.path("countedMembers").asInt()).isEqualTo(2);
        assertThat(before.path("absent")).isEmpty();
    }

    /** The simulator's month facts count the members of the month like the check: joined mid-month in, left on the last day out. */
    @Test
    void theSimulatorCountsTheMembersOfTheMonthLikeTheCheck() throws Exception {
        YearMonth july = YearMonth.of(2026, 7);
        long h = register(uniqueName("模"), LocalDate.of(2025, 1, 1));
        addSpouse(h, uniqueName("中"), LocalDate.of(2026, 7, 15));
        // joined on the 2nd, left on the 31st: not counted (a first-day rule gives 1 here, a during-the-month rule 3)
        long child = addMember(h, "CHILD", uniqueName("末"), LocalDate.of(2026, 7, 2), LocalDate.of(2005, 3, 3));
        AsStaff.run(users, "caseworker", () -> households.endMembership(h, child, LocalDate.of(2026, 7, 31), "迁出"));

        JsonNode check = check(h, july);
        assertThat(check.path("countedMembers").asInt()).isEqualTo(2);
        StandardSimulator.HouseholdOutcome sql = simulator.outcomes(cn.dibao.support.Fixtures.COUNTY, july).stream()
                .filter(o -> o.householdId() == h).findFirst().orElseThrow();
        assertThat(sql.category()).isEqualTo(check.path("category").asString());
        JsonNode dibao = null;
        for (JsonNode p : check.path("programmes")) {
            dibao = p.path("programme").asString().equals("DIBAO") ? p : dibao;
        }
        assertThat(dibao.path("amount").decimalValue()).isPositive();
        assertThat(sql.amount()).isEqualByComparingTo(dibao.path("amount").decimalValue());
    }
}
