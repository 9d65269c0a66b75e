package cn.dibao.household;

import cn.dibao.common.identity.IdType;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.support.IntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static cn.dibao.household.HouseholdTestData.masked;
import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static cn.dibao.support.Fixtures.VILLAGE_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every household form, as a caseworker types it: a bad value comes back on the same form with
 * an error on its field and everything typed still there; nothing is saved, nothing fails.
 */
@IntegrationTest
class HouseholdFormValidationTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    /** A valid-looking number whose check character is wrong (the right one is X). */
    private static final String WRONG_CHECK = "110105194912310021";
    private static final String SEVENTEEN = "11010519491231002";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQR";
    private static final String BAD_DATE = "2024-13-45";
    private static final String LONG_201 = "路".repeat(201);
    private static final String LONG_NAME = "张".repeat(51);
    private static final String LONG_101 = "说".repeat(101);
    /** Not sent at all, as a browser does with an unticked checkbox. */
    private static final String ABSENT = "{absent}";

    @Autowired
    MockMvc mvc;
    @Autowired
    HouseholdTestData data;
    @Autowired
    MessageSource messages;

    StaffPrincipal caseworker;
    long household;
    String headId;
    long child;
    String childName;
    String childId;
    long childMember;
    long childVersion;
    long childMemberVersion;
    long stranger;
    long householdVersion;
    long obligor;
    long obligorVersion;
    @Autowired
    HouseholdService households;

    enum Form {
        CREATE("/households/new", "form"),
        EDIT_HOUSEHOLD("/households/{h}/edit", "form"),
        ADD_MEMBER("/households/{h}/members/new", "form"),
        EDIT_PERSON("/households/{h}/persons/{child}/edit", "form"),
        EDIT_MEMBERSHIP("/households/{h}/members/{member}/edit", "form"),
        INCOME("/households/{h}/incomes", "incomeForm"),
        DEDUCTION("/households/{h}/deductions", "deductionForm"),
        ASSET("/households/{h}/assets", "assetForm"),
        EXPENSE("/households/{h}/expenses", "expenseForm"),
        OBLIGOR("/households/{h}/obligors", "obligorForm"),
        EDIT_OBLIGOR("/households/{h}/obligors/{obligor}/edit", "obligorForm");

        final String path;
        final String attribute;

        Form(String path, String attribute) {
            this.path = path;
            this.attribute = attribute;
        }
    }

    @BeforeEach
    void household() {
        caseworker = data.principal("caseworker");
        headId = newId();
        household = data.household("caseworker", VILLAGE_A, uniqueName("上官"), headId);
        childName = uniqueName("上官");
        childId = newId(LocalDate.of(2010, 9, 1), false);
        child = data.member("caseworker", household, childName, childId);
        HouseholdFile.Member m = HouseholdTestData.memberOf(data.file("caseworker", household), child);
        childMember = m.memberId();
        childVersion = m.personVersion();
        childMemberVersion = m.memberVersion();
        stranger = data.headPersonId(data.household("caseworker", VILLAGE_A));
        obligor = data.as("caseworker", () -> households.addObligor(household, new ObligorData(uniqueName("欧阳"),
                IdType.RESIDENT_ID, newId(LocalDate.of(1950, 1, 2), true), ObligorRelation.SUPPORT_PARENT, null,
                "青岛市市南区", AbleToSupport.UNKNOWN, null, null, null, null, null, null, null, null, null)));
        obligorVersion = data.file("caseworker", household).obligors().get(0).version();
        householdVersion = data.file("caseworker", household).version();
    }

    /** What a browser sends for a correct form. */
    private Map<String, String> validParams(Form form) {
        String firstOfMonth = LocalDate.now().withDayOfMonth(1).toString();
        Map<String, String> p = new LinkedHashMap<>();
        switch (form) {
            case CREATE -> {
                p.put("household.areaCode", VILLAGE_A);
                p.put("household.hukouType", "RURAL");
                p.put("household.address", uniqueName("东楼村") + "号");
                p.put("head.name", uniqueName("司马"));
                p.put("head.idType", "RESIDENT_ID");
                p.put("head.idNumber", newId());
                p.put("head.phone", "13912345678");
            }
            case EDIT_HOUSEHOLD -> {
                p.put("version", String.valueOf(householdVersion));
                p.put("areaCode", VILLAGE_A);
                p.put("hukouType", "URBAN");
                p.put("address", uniqueName("西楼村") + "号");
                p.put("grid", "第三网格");
                p.put("tags", "ELDERLY_ALONE");
            }
            case ADD_MEMBER -> {
                p.put("member.relation", "CHILD");
                p.put("member.counted", "true");
                p.put("_member.counted", "on");
                p.put("member.joinedOn", LocalDate.now().minusDays(3).toString());
                p.put("person.name", uniqueName("司马"));
                p.put("person.idType", "RESIDENT_ID");
                p.put("person.idNumber", newId());
            }
            case EDIT_PERSON -> {
                p.put("version", String.valueOf(childVersion));
                p.put("name", childName);
                p.put("idType", "RESIDENT_ID");
                p.put("idNumber", masked(childId));
                p.put("phone", "053288886666");
                p.put("studentLevel", "JUNIOR");
            }
            case EDIT_MEMBERSHIP -> {
                p.put("version", String.valueOf(childMemberVersion));
                p.put("relation", "GRANDCHILD");
                p.put("counted", "true");
                p.put("_counted", "on");
            }
            case INCOME -> {
                p.put("personId", String.valueOf(child));
                p.put("category", "WAGE");
                p.put("monthlyAmount", "1200.50");
                p.put("description", "打零工");
                p.put("periodFrom", firstOfMonth);
            }
            case DEDUCTION -> {
                p.put("personId", "");
                p.put("type", "MEDICAL");
                p.put("monthlyAmount", "80");
                p.put("periodFrom", firstOfMonth);
            }
            case ASSET -> {
                p.put("personId", String.valueOf(child));
                p.put("type", "DEPOSIT");
                p.put("value", "3000.00");
                p.put("quantity", "1");
                p.put("floorArea", "");
                p.put("periodFrom", firstOfMonth);
            }
            case EXPENSE -> {
                p.put("personId", String.valueOf(child));
                p.put("type", "MEDICAL");
                p.put("amount", "450.5");
                p.put("incurredOn", LocalDate.now().toString());
            }
            case EDIT_OBLIGOR -> {
                // the edit page as it comes: the masked number kept, a fact changed
                p.put("version", String.valueOf(obligorVersion));
                p.put("name", uniqueName("欧阳"));
                p.put("relation", "SUPPORT_PARENT");
                p.put("supportedPersonId", String.valueOf(child));
                p.put("idType", "RESIDENT_ID");
                p.put("idNumber", data.file("caseworker", household).obligors().get(0).idNumberMasked());
                p.put("ableToSupport", "UNKNOWN");
                p.put("monthlyIncome", "1800");
                p.put("status", "NONE");
                p.put("address", "青岛市市北区");
            }
            case OBLIGOR -> {
                p.put("name", uniqueName("司马"));
                p.put("relation", "SUPPORT_PARENT");
                p.put("idType", "RESIDENT_ID");
                p.put("idNumber", newId());
                p.put("ableToSupport", "UNKNOWN");
                p.put("monthlySupport", "200");
                p.put("address", "青岛市市北区");
            }
        }
        return p;
    }

    /** Rows that a successful submission of the form would add or change. */
    private Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("households", data.count("household", ""));
        s.put("household", data.count("household", "id = ? and version = ?", household, householdVersion));
        s.put("persons", data.count("person", ""));
        s.put("members", data.count("household_member", ""));
        s.put("changes", data.count("household_change", "household_id = ?", household));
        for (String table : List.of("income_item", "deduction_item", "asset_item", "expense_item", "obligor")) {
            s.put(table, data.count(table, "household_id = ?", household));
        }
        s.put("childPerson", data.count("person", "id = ? and version = ?", child, childVersion));
        s.put("childMember", data.count("household_member", "id = ? and version = ?", childMember, childMemberVersion));
        s.put("obligor", data.count("obligor", "id = ? and version = ?", obligor, obligorVersion));
        return s;
    }

    private String resolve(String value) {
        return switch (value) {
            case "{headId}" -> headId;
            case "{stranger}" -> String.valueOf(stranger);
            case "{tomorrow}" -> LocalDate.now().plusDays(1).toString();
            case "{beforeFirst}" -> LocalDate.now().withDayOfMonth(1).minusDays(1).toString();
            default -> value;
        };
    }

    private MockHttpServletRequestBuilder request(Form form, Map<String, String> params) {
        String path = form.path.replace("{h}", String.valueOf(household)).replace("{child}", String.valueOf(child))
                .replace("{member}", String.valueOf(childMember)).replace("{obligor}", String.valueOf(obligor));
        MockHttpServletRequestBuilder req = post(path).with(user(caseworker)).with(csrf());
        params.forEach((k, v) -> {
            if (!v.equals(ABSENT)) {
                req.param(k, v);
            }
        });
        return req;
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                // create: the household
                bad(Form.CREATE, "household.address", ""),
                bad(Form.CREATE, "household.address", LONG_201),
                bad(Form.CREATE, "household.areaCode", ""),
                bad(Form.CREATE, "household.areaCode", "37021100100"),
                bad(Form.CREATE, "household.areaCode", VILLAGE_B),
                bad(Form.CREATE, "household.hukouType", ""),
                bad(Form.CREATE, "household.hukouType", "SUBURBAN"),
                bad(Form.CREATE, "household.grid", "网".repeat(41)),
                // create: the head
                bad(Form.CREATE, "head.name", ""),
                bad(Form.CREATE, "head.name", LONG_NAME),
                bad(Form.CREATE, "head.name", SCRIPT),
                bad(Form.CREATE, "head.name", "王2"),
                bad(Form.CREATE, "head.idNumber", ""),
                bad(Form.CREATE, "head.idNumber", WRONG_CHECK),
                bad(Form.CREATE, "head.idNumber", SEVENTEEN),
                bad(Form.CREATE, "head.idNumber", LETTERS),
                bad(Form.CREATE, "head.idNumber", "1101051949123100211223"),
                bad(Form.CREATE, "head.idNumber", "{headId}"),
                bad(Form.CREATE, "head.idType", "PASSPORT"),
                bad(Form.CREATE, "head.birthDate", BAD_DATE),
                bad(Form.CREATE, "head.phone", "12345"),
                bad(Form.CREATE, "head.disabilityCategory", "9"),
                bad(Form.CREATE, "head.selfCareAssessedOn", "{tomorrow}"),
                bad(Form.CREATE, "headJoinedOn", BAD_DATE),
                bad(Form.CREATE, "headJoinedOn", "{tomorrow}"),
                bad(Form.EDIT_MEMBERSHIP, "joinedOn", "{tomorrow}"),
                arguments(Form.CREATE, Map.of("head.idType", "FOREIGN_PERMANENT_RESIDENT", "head.idNumber", "USA370211800101",
                        "head.sex", "F", "head.birthDate", "{tomorrow}"), "head.birthDate"),
                arguments(Form.CREATE, Map.of("head.idType", "FOREIGN_PERMANENT_RESIDENT", "head.idNumber", "USA370211800102",
                        "head.sex", "F"), "head.birthDate"),
                // edit household
                bad(Form.EDIT_HOUSEHOLD, "address", ""),
                bad(Form.EDIT_HOUSEHOLD, "address", LONG_201),
                bad(Form.EDIT_HOUSEHOLD, "areaCode", VILLAGE_B),
                bad(Form.EDIT_HOUSEHOLD, "hukouType", ""),
                bad(Form.EDIT_HOUSEHOLD, "residenceAddress", LONG_201),
                bad(Form.EDIT_HOUSEHOLD, "tags", "RICH"),
                // add member
                bad(Form.ADD_MEMBER, "person.name", ""),
                bad(Form.ADD_MEMBER, "person.name", LONG_NAME),
                bad(Form.ADD_MEMBER, "person.name", SCRIPT),
                bad(Form.ADD_MEMBER, "person.idNumber", WRONG_CHECK),
                bad(Form.ADD_MEMBER, "person.idNumber", SEVENTEEN),
                bad(Form.ADD_MEMBER, "person.idNumber", LETTERS),
                bad(Form.ADD_MEMBER, "person.idNumber", "{headId}"),
                bad(Form.ADD_MEMBER, "person.birthDate", BAD_DATE),
                bad(Form.ADD_MEMBER, "person.disabilityGrade", "5"),
                bad(Form.ADD_MEMBER, "person.employment", "ASTRONAUT"),
                arguments(Form.ADD_MEMBER, Map.of("person.birthDate", BAD_DATE, "person.name", ""), "person.name"),
                arguments(Form.CREATE, Map.of("head.birthDate", BAD_DATE, "household.address", ""), "household.address"),
                bad(Form.ADD_MEMBER, "member.joinedOn", "{tomorrow}"),
                bad(Form.ADD_MEMBER, "member.joinedOn", BAD_DATE),
                bad(Form.ADD_MEMBER, "member.relation", "HEAD"),
                bad(Form.ADD_MEMBER, "member.relation", ""),
                arguments(Form.ADD_MEMBER, Map.of("member.counted", ABSENT), "member.notCountedReason"),
                // who is counted by the person's flags (ADR 0016) and the child's programme (ADR 0017)
                arguments(Form.ADD_MEMBER, Map.of("member.counted", ABSENT, "member.notCountedReason",
                        "SERVING_SENTENCE"), "member.notCountedReason"),
                bad(Form.ADD_MEMBER, "member.countOverrideReason", "监外执行，已回家"),
                arguments(Form.ADD_MEMBER, Map.of("person.compulsoryRehab", "true", "member.countOverrideReason",
                        LONG_201), "member.countOverrideReason"),
                arguments(Form.ADD_MEMBER, Map.of("person.declaredMissing", "true", "member.counted", ABSENT,
                        "member.notCountedReason", "LOCAL_RULE", "member.countOverrideReason", "已找到"),
                        "member.countOverrideReason"),
                bad(Form.ADD_MEMBER, "person.childProgramme", "TEKUN"),
                bad(Form.ADD_MEMBER, "person.childStatus", "ABANDONED"),
                // edit person
                bad(Form.EDIT_PERSON, "name", ""),
                bad(Form.EDIT_PERSON, "name", LONG_NAME),
                bad(Form.EDIT_PERSON, "name", SCRIPT),
                bad(Form.EDIT_PERSON, "idNumber", WRONG_CHECK),
                bad(Form.EDIT_PERSON, "idNumber", SEVENTEEN),
                bad(Form.EDIT_PERSON, "idNumber", LETTERS),
                bad(Form.EDIT_PERSON, "idNumber", "{headId}"),
                bad(Form.EDIT_PERSON, "birthDate", BAD_DATE),
                bad(Form.EDIT_PERSON, "phone", "1391234567a"),
                bad(Form.EDIT_PERSON, "selfCareAssessedOn", "{tomorrow}"),
                bad(Form.EDIT_PERSON, "seriousIllnessNote", LONG_201),
                bad(Form.EDIT_PERSON, "studentLevel", "PHD"),
                bad(Form.EDIT_PERSON, "childProgramme", "CHILD_BENEFIT"),
                bad(Form.EDIT_PERSON, "childProgramme", "BOTH"),
                // edit membership
                bad(Form.EDIT_MEMBERSHIP, "relation", "HEAD"),
                bad(Form.EDIT_MEMBERSHIP, "relation", ""),
                bad(Form.EDIT_MEMBERSHIP, "joinedOn", BAD_DATE),
                arguments(Form.EDIT_MEMBERSHIP, Map.of("counted", ABSENT), "notCountedReason"),
                arguments(Form.EDIT_MEMBERSHIP, Map.of("counted", ABSENT, "notCountedReason", "DECLARED_MISSING"),
                        "notCountedReason"),
                bad(Form.EDIT_MEMBERSHIP, "countOverrideReason", "保外就医"),
                bad(Form.EDIT_MEMBERSHIP, "countOverrideReason", LONG_201),
                // income
                bad(Form.INCOME, "monthlyAmount", ""),
                bad(Form.INCOME, "monthlyAmount", "-1"),
                bad(Form.INCOME, "monthlyAmount", "abc"),
                bad(Form.INCOME, "monthlyAmount", "1.234"),
                bad(Form.INCOME, "periodFrom", ""),
                bad(Form.INCOME, "periodFrom", BAD_DATE),
                bad(Form.INCOME, "periodTo", "{beforeFirst}"),
                bad(Form.INCOME, "personId", ""),
                bad(Form.INCOME, "personId", "{stranger}"),
                bad(Form.INCOME, "personId", "abc"),
                bad(Form.INCOME, "description", LONG_101),
                bad(Form.INCOME, "category", "SALARY"),
                bad(Form.INCOME, "exclusionReason", "LOTTERY"),
                // deduction
                bad(Form.DEDUCTION, "monthlyAmount", "-1"),
                bad(Form.DEDUCTION, "monthlyAmount", "abc"),
                bad(Form.DEDUCTION, "monthlyAmount", "1.234"),
                bad(Form.DEDUCTION, "periodFrom", BAD_DATE),
                bad(Form.DEDUCTION, "periodTo", "{beforeFirst}"),
                bad(Form.DEDUCTION, "personId", "{stranger}"),
                bad(Form.DEDUCTION, "type", "LOTTERY"),
                // asset
                bad(Form.ASSET, "value", "-1"),
                bad(Form.ASSET, "value", "abc"),
                bad(Form.ASSET, "value", "1.234"),
                bad(Form.ASSET, "quantity", "abc"),
                bad(Form.ASSET, "quantity", "-1"),
                bad(Form.ASSET, "floorArea", "-1"),
                bad(Form.ASSET, "floorArea", "abc"),
                bad(Form.ASSET, "periodTo", "{beforeFirst}"),
                bad(Form.ASSET, "type", "GOLD"),
                // expense
                bad(Form.EXPENSE, "amount", ""),
                bad(Form.EXPENSE, "amount", "-1"),
                bad(Form.EXPENSE, "amount", "abc"),
                bad(Form.EXPENSE, "amount", "1.234"),
                bad(Form.EXPENSE, "incurredOn", "{tomorrow}"),
                bad(Form.EXPENSE, "incurredOn", BAD_DATE),
                bad(Form.EXPENSE, "type", "TRAVEL"),
                // obligor
                bad(Form.OBLIGOR, "name", ""),
                bad(Form.OBLIGOR, "name", LONG_NAME),
                bad(Form.OBLIGOR, "name", SCRIPT),
                bad(Form.OBLIGOR, "idNumber", WRONG_CHECK),
                bad(Form.OBLIGOR, "idNumber", SEVENTEEN),
                bad(Form.OBLIGOR, "idNumber", LETTERS),
                bad(Form.OBLIGOR, "idNumber", "{headId}"),
                bad(Form.OBLIGOR, "monthlySupport", "-1"),
                bad(Form.OBLIGOR, "monthlySupport", "abc"),
                bad(Form.OBLIGOR, "monthlySupport", "1.234"),
                // the obligor's D3 第七条 facts (ADR 0025)
                bad(Form.OBLIGOR, "monthlyIncome", "-1"),
                bad(Form.OBLIGOR, "monthlyIncome", "abc"),
                bad(Form.OBLIGOR, "disabilityGrade", "9"),
                bad(Form.OBLIGOR, "birthDate", "{tomorrow}"),
                bad(Form.OBLIGOR, "birthDate", BAD_DATE),
                bad(Form.OBLIGOR, "status", "ABROAD"),
                bad(Form.OBLIGOR, "propertyWithinLimits", "maybe"),
                bad(Form.OBLIGOR, "overrideReason", "理".repeat(201)),
                bad(Form.OBLIGOR, "address", LONG_201),
                bad(Form.OBLIGOR, "idType", "PASSPORT"),
                bad(Form.EDIT_OBLIGOR, "name", ""),
                bad(Form.EDIT_OBLIGOR, "idNumber", WRONG_CHECK),
                bad(Form.EDIT_OBLIGOR, "idNumber", "{headId}"),
                bad(Form.EDIT_OBLIGOR, "monthlyIncome", "-1"),
                bad(Form.EDIT_OBLIGOR, "birthDate", "{tomorrow}"),
                bad(Form.EDIT_OBLIGOR, "supportedPersonId", "{stranger}"),
                arguments(Form.EDIT_OBLIGOR, Map.of("ableToSupport", "YES"), "overrideReason"),
                bad(Form.OBLIGOR, "relation", "NEIGHBOUR"),
                bad(Form.OBLIGOR, "ableToSupport", "MAYBE"));
    }

    private static Arguments bad(Form form, String field, String value) {
        return arguments(form, Map.of(field, value), field);
    }

    @ParameterizedTest(name = "{0} {1} → error on {2}")
    @MethodSource("badInput")
    void badInputComesBackOnTheFormWithAFieldError(Form form, Map<String, String> change, String errorField)
            throws Exception {
        Map<String, String> params = validParams(form);
        change.forEach((k, v) -> params.put(k, resolve(v)));
        Map<String, Object> before = snapshot();

        MvcResult r = mvc.perform(request(form, params))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(form.attribute, errorField))
                .andReturn();

        assertThat(snapshot()).as("nothing saved").isEqualTo(before);
        BindingResult result = (BindingResult) r.getModelAndView().getModel()
                .get(BindingResult.MODEL_KEY_PREFIX + form.attribute);
        FieldError error = result.getFieldError(errorField);
        String message = messages.getMessage(error, Locale.SIMPLIFIED_CHINESE);
        assertThat(message).as("a message, not a key or a stack trace").isNotBlank()
                .doesNotMatch("[a-zA-Z]+(\\.[a-zA-Z0-9]+)+").doesNotContain("Exception").doesNotContain("java.");
        String html = r.getResponse().getContentAsString();
        assertThat(html).contains(message.replace("\"", "&quot;")).contains("is-invalid");

        // Everything typed is still in the form, the bad value included.
        SoftAssertions kept = new SoftAssertions();
        params.forEach((name, typed) -> {
            if (name.equals("version") || name.startsWith("_") || typed.isEmpty() || typed.equals(ABSENT)) {
                return;
            }
            Object shown = result.getFieldValue(name);
            kept.assertThat(shown == null ? "" : String.valueOf(shown)).as("value of %s kept", name).isEqualTo(typed);
        });
        kept.assertAll();
        assertThat(html).doesNotContain("<script>alert");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void theValidFormIsSaved(Form form) throws Exception {
        Map<String, String> params = validParams(form);
        long changes = data.count("household_change", "");
        mvc.perform(request(form, params)).andExpect(status().is3xxRedirection());
        assertThat(data.count("household_change", "")).isEqualTo(changes + 1);
    }

    @Test
    void scriptInAnAddressIsStoredAndShownAsText() throws Exception {
        Map<String, String> params = validParams(Form.CREATE);
        String address = "东楼村" + SCRIPT + "号";
        params.put("household.address", address);
        MvcResult r = mvc.perform(request(Form.CREATE, params)).andExpect(status().is3xxRedirection()).andReturn();
        String location = r.getResponse().getRedirectedUrl();
        assertThat(data.count("household", "address = ?", address)).isEqualTo(1);

        String file = mvc.perform(get(location).with(user(caseworker))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(file).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");

        Map<String, String> obligor = validParams(Form.OBLIGOR);
        obligor.put("address", SCRIPT);
        obligor.put("note", SCRIPT);
        mvc.perform(request(Form.OBLIGOR, obligor)).andExpect(status().is3xxRedirection());
        String withObligor = mvc.perform(get("/households/{id}", household).with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(withObligor).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        String search = mvc.perform(get("/households").param("name", params.get("head.name")).with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(search).contains("&lt;script&gt;").doesNotContain("<script>alert");
    }

    @Test
    void datesAreShownTheWayDateInputsSendThem() throws Exception {
        String firstOfMonth = LocalDate.now().withDayOfMonth(1).toString();
        String file = mvc.perform(get("/households/{id}", household).with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(file).as("default period start in the income form").contains("value=\"" + firstOfMonth + "\"");
        String membership = mvc.perform(get("/households/{id}/members/{mid}/edit", household, childMember)
                        .with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(membership).contains("value=\"" + LocalDate.now() + "\"");
    }

    @Test
    void theConflictPageLeadsBackToAPageThatExists() throws Exception {
        for (Form form : List.of(Form.EDIT_PERSON, Form.EDIT_MEMBERSHIP, Form.EDIT_HOUSEHOLD)) {
            Map<String, String> params = validParams(form);
            params.put("version", "999");
            MvcResult conflict = mvc.perform(request(form, params)).andExpect(status().isConflict()).andReturn();
            String reload = (String) conflict.getModelAndView().getModel().get("reloadUrl");
            assertThat(reload).as(form.name()).isNotNull();
            mvc.perform(get(reload).with(user(caseworker))).andExpect(status().isOk());
        }
        MvcResult close = mvc.perform(post("/households/{id}/close", household).with(user(caseworker)).with(csrf())
                        .param("version", "999").param("reason", "测试"))
                .andExpect(status().isConflict()).andReturn();
        String reload = (String) close.getModelAndView().getModel().get("reloadUrl");
        mvc.perform(get(reload).with(user(caseworker))).andExpect(status().isOk());
        assertThat(data.count("household", "id = ? and status = 'ACTIVE'", household)).isEqualTo(1);
    }

    @Test
    void movingAMemberAcceptsTheHouseholdNumberAsShownAndExplainsATypo() throws Exception {
        long target = data.household("caseworker", VILLAGE_A);
        for (String typo : List.of("abc", "12x", "")) {
            mvc.perform(post("/households/{id}/members/{mid}/move", household, childMember).with(user(caseworker)).with(csrf())
                            .param("targetHouseholdId", typo).param("relation", "CHILD"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("error", "member.move.targetUnknown"));
        }
        assertThat(data.count("household_member", "id = ? and left_on is null", childMember)).isEqualTo(1);
        mvc.perform(post("/households/{id}/members/{mid}/move", household, childMember).with(user(caseworker)).with(csrf())
                        .param("targetHouseholdId", " #" + target + " ").param("relation", "CHILD"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/households/" + target));
        assertThat(data.count("household_member", "household_id = ? and person_id = ? and left_on is null", target, child))
                .isEqualTo(1);
    }

    @Test
    void theEditPageNamesTheHousehold() throws Exception {
        String edit = mvc.perform(get("/households/{id}/edit", household).with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(edit).contains("<title>修改户 #" + household + " 信息").doesNotContain("{0}");
    }

    @Test
    void aStaleFormIsAConflictPage() throws Exception {
        Map<String, String> params = validParams(Form.EDIT_MEMBERSHIP);
        mvc.perform(request(Form.EDIT_MEMBERSHIP, params)).andExpect(status().is3xxRedirection());
        params.put("relation", "SIBLING");
        mvc.perform(request(Form.EDIT_MEMBERSHIP, params)).andExpect(status().isConflict())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.view().name("error/409"));
        assertThat(data.count("household_member", "id = ? and relation = 'GRANDCHILD'", childMember)).isEqualTo(1);
    }
}
