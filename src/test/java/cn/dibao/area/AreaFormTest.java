package cn.dibao.area;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.Login;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The area form as the demo county administrator uses it. */
@IntegrationTest
class AreaFormTest {

    /** Stands for a township code no one uses yet. */
    private static final String FREE = "<free township>";
    /** Stands for a fresh valid name. */
    private static final String UNIQUE = "<unique name>";
    private static final String COUNTY = Fixtures.COUNTY;
    private static final String TOWNSHIP_A = Fixtures.TOWNSHIP_A;

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;

    MockHttpSession admin;

    @BeforeEach
    void logIn() throws Exception {
        admin = Login.demo(mvc, "admin");
    }

    static Stream<Arguments> invalidForms() {
        return Stream.of(
                // case, level, parent, code, name, field, error code, message key
                arguments("code too short", "TOWNSHIP", COUNTY, "3702113", UNIQUE, "code", "Pattern", "area.code.format"),
                arguments("code with letters", "TOWNSHIP", COUNTY, "37021130A000", UNIQUE, "code", "Pattern", "area.code.format"),
                arguments("code missing", "TOWNSHIP", COUNTY, "", UNIQUE, "code", "NotBlank", "area.code.required"),
                arguments("unknown province 99", "TOWNSHIP", COUNTY, "990211301000", UNIQUE, "code", "area.code.province", "area.code.province"),
                arguments("township under another county", "TOWNSHIP", COUNTY, "370212301000", UNIQUE, "code", "area.code.notUnderParent", "area.code.notUnderParent"),
                arguments("township digits 7-9 = 000", "TOWNSHIP", COUNTY, "370211000000", UNIQUE, "code", "area.code.township", "area.code.township"),
                arguments("township digits 7-9 = 600", "TOWNSHIP", COUNTY, "370211600000", UNIQUE, "code", "area.code.township", "area.code.township"),
                arguments("township digits 7-9 = 999", "TOWNSHIP", COUNTY, "370211999000", UNIQUE, "code", "area.code.township", "area.code.township"),
                arguments("township with village digits", "TOWNSHIP", COUNTY, "370211301001", UNIQUE, "code", "area.code.township", "area.code.township"),
                arguments("village digits 10-12 = 000", "VILLAGE", TOWNSHIP_A, "370211001000", UNIQUE, "code", "area.code.village", "area.code.village"),
                arguments("village not under its parent", "VILLAGE", TOWNSHIP_A, "370211101299", UNIQUE, "code", "area.code.notUnderParent", "area.code.notUnderParent"),
                arguments("duplicate code", "TOWNSHIP", COUNTY, Fixtures.TOWNSHIP_B, UNIQUE, "code", "area.code.duplicate", "area.code.duplicate"),
                arguments("empty name", "TOWNSHIP", COUNTY, FREE, "", "name", "NotBlank", "area.name.required"),
                arguments("blank name", "TOWNSHIP", COUNTY, FREE, "   ", "name", "NotBlank", "area.name.required"),
                arguments("name of 61 characters", "TOWNSHIP", COUNTY, FREE, "村".repeat(61), "name", "Size", "area.name.tooLong"),
                arguments("level missing", "", COUNTY, FREE, UNIQUE, "level", "NotNull", "area.level.required"),
                arguments("village directly under the county", "VILLAGE", COUNTY, "370211301001", UNIQUE, "level", "area.level.mismatch", "area.level.mismatch"),
                arguments("county by a county administrator", "COUNTY", "", "370299000000", UNIQUE, "level", "area.county.outOfScope", "area.county.outOfScope"),
                arguments("township without parent", "TOWNSHIP", "", FREE, UNIQUE, "parentCode", "area.parent.required", "area.parent.required"),
                arguments("unknown parent", "VILLAGE", "370211599000", "370211599001", UNIQUE, "parentCode", "area.parent.unknown", "area.parent.unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidForms")
    void invalidInputIsShownOnTheRightFieldAndNothingIsSaved(String description, String level, String parent,
                                                              String code, String name, String field, String errorCode,
                                                              String messageKey) throws Exception {
        String typedCode = FREE.equals(code) ? fixtures.freeTownshipCode() : code;
        String typedName = UNIQUE.equals(name) ? Fixtures.unique("测试区划") : name;
        boolean codeExisted = fixtures.areaExists(typedCode);
        int areasBefore = count("select count(*) from area");
        int auditBefore = count("select count(*) from audit_event where action = 'AREA_CREATED'");

        MvcResult result = mvc.perform(newArea(level, parent, typedCode, typedName))
                .andExpect(status().isOk())
                .andExpect(view().name("area/form"))
                .andExpect(model().attributeHasFieldErrors("form", field))
                .andExpect(model().attributeHasFieldErrorCode("form", field, errorCode))
                .andReturn();
        String html = result.getResponse().getContentAsString();

        assertThat(result.getModelAndView().getModel().get("org.springframework.validation.BindingResult.form"))
                .as("errors only on %s", field)
                .satisfies(b -> assertThat(((org.springframework.validation.BindingResult) b).getFieldErrors())
                        .allSatisfy(e -> assertThat(e.getField()).isEqualTo(field)));
        assertThat(html).as("the message is shown").contains(text(messageKey));
        assertThat(tag(html, field)).as("the %s control is marked invalid", field).contains("is-invalid");
        assertThat(html).doesNotContain("Exception").doesNotContain("at cn.dibao");

        // What the user typed is still in the form.
        assertThat(attribute(tag(html, "code"), "value")).isEqualTo(typedCode);
        assertThat(attribute(tag(html, "name"), "value")).isEqualTo(typedName.strip());
        if (!level.isEmpty()) {
            assertThat(html).contains("<option value=\"" + level + "\" selected=\"selected\">");
        }
        if (!parent.isEmpty() && html.contains("<option value=\"" + parent + "\"")) {
            assertThat(html).contains("<option value=\"" + parent + "\" selected=\"selected\">");
        }

        assertThat(count("select count(*) from area")).as("no area saved").isEqualTo(areasBefore);
        assertThat(count("select count(*) from audit_event where action = 'AREA_CREATED'")).isEqualTo(auditBefore);
        assertThat(fixtures.areaExists(typedCode)).isEqualTo(codeExisted);
        assertThat(count("select count(*) from area where name = '" + typedName.replace("'", "''") + "'"))
                .isZero();
        assertThat(jdbc.queryForObject("select name from area where code = ?", String.class, Fixtures.TOWNSHIP_B))
                .isEqualTo("张家楼镇");
    }

    @Test
    void validTownshipAndVillageAreCreatedAndListed() throws Exception {
        String township = fixtures.freeTownshipCode();
        String village = township.substring(0, 9) + "201";
        String townshipName = Fixtures.unique("新设镇");
        String villageName = Fixtures.unique("新设村");

        String afterTownship = follow(mvc.perform(newArea("TOWNSHIP", COUNTY, township, townshipName))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/areas"))
                .andExpect(flash().attribute("message", "area.created"))
                .andExpect(flash().attribute("messageArg", townshipName))
                .andReturn());
        assertThat(afterTownship).contains(text("area.created", townshipName));
        createArea("VILLAGE", township, village, villageName);

        Map<String, Object> t = jdbc.queryForMap("select * from area where code = ?", township);
        assertThat(t).containsEntry("name", townshipName).containsEntry("level", "TOWNSHIP")
                .containsEntry("parent_code", COUNTY).containsEntry("retired", false)
                .containsEntry("created_by", "admin");
        Map<String, Object> v = jdbc.queryForMap("select * from area where code = ?", village);
        assertThat(v).containsEntry("name", villageName).containsEntry("level", "VILLAGE")
                .containsEntry("parent_code", township);
        assertThat(count("select count(*) from audit_event where action = 'AREA_CREATED' and actor = 'admin' "
                + "and entity_id in ('" + township + "', '" + village + "')")).isEqualTo(2);

        String list = mvc.perform(get("/admin/areas").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(row(list, township)).contains(townshipName).contains(text("area.active.badge"));
        assertThat(row(list, village)).contains(villageName).contains("area-depth-2");
    }

    @Test
    void renameWithAStaleVersionIsAConflictAndKeepsTheNewerName() throws Exception {
        String code = fixtures.freeTownshipCode();
        createArea("TOWNSHIP", COUNTY, code, "原名镇");

        follow(mvc.perform(post("/admin/areas/{code}/edit", code).session(admin).with(csrf())
                        .param("name", "第一次改名镇").param("version", "0"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/areas"))
                .andReturn());

        MvcResult conflict = mvc.perform(post("/admin/areas/{code}/edit", code).session(admin).with(csrf())
                        .param("name", "过时改名镇").param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(view().name("error/409"))
                .andReturn();
        String page = conflict.getResponse().getContentAsString();
        assertThat(page).contains(text("error.409.title")).doesNotContain("Exception");
        assertThat(jdbc.queryForObject("select name from area where code = ?", String.class, code))
                .isEqualTo("第一次改名镇");

        // "Open again" leads back to the form with the current name and version.
        String reload = attribute(reloadLink(page), "href");
        String form = mvc.perform(get(reload).session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(attribute(tag(form, "name"), "value")).isEqualTo("第一次改名镇");
        assertThat(attribute(tag(form, "version"), "value")).isEqualTo("1");
    }

    @Test
    void retireWithAStaleVersionIsAConflict() throws Exception {
        String code = fixtures.freeTownshipCode();
        createArea("TOWNSHIP", COUNTY, code, "过时撤销镇");
        follow(mvc.perform(post("/admin/areas/{code}/edit", code).session(admin).with(csrf())
                .param("name", "已改名撤销镇").param("version", "0")).andExpect(status().isFound()).andReturn());

        String page = mvc.perform(retire(code, 0))
                .andExpect(status().isConflict())
                .andExpect(view().name("error/409"))
                .andReturn().getResponse().getContentAsString();
        assertThat(retired(code)).isFalse();
        String reload = attribute(reloadLink(page), "href");
        assertThat(mvc.perform(get(reload).session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(">" + code + "</td>");
    }

    @Test
    void renameValidatesTheName() throws Exception {
        String code = fixtures.freeTownshipCode();
        createArea("TOWNSHIP", COUNTY, code, "改名校验镇");
        mvc.perform(post("/admin/areas/{code}/edit", code).session(admin).with(csrf())
                        .param("name", "").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(view().name("area/rename"))
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"));
        assertThat(jdbc.queryForObject("select name from area where code = ?", String.class, code))
                .isEqualTo("改名校验镇");
    }

    @Test
    void retiringATownshipWithActiveVillagesIsRefusedButALeafRetires() throws Exception {
        String township = fixtures.freeTownshipCode();
        String village = township.substring(0, 9) + "001";
        createArea("TOWNSHIP", COUNTY, township, "撤销测试镇");
        createArea("VILLAGE", township, village, "撤销测试社区");

        MvcResult refused = mvc.perform(retire(township, 0))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/areas"))
                .andExpect(flash().attribute("error", "area.retire.hasActiveChildren"))
                .andReturn();
        assertThat(retired(township)).isFalse();
        assertThat(follow(refused)).contains(text("area.retire.hasActiveChildren"));

        MvcResult done = mvc.perform(retire(village, 0))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("message", "area.retired"))
                .andReturn();
        assertThat(retired(village)).isTrue();
        assertThat(jdbc.queryForObject("select retired_at is not null from area where code = ?", Boolean.class,
                village)).isTrue();
        String list = follow(done);
        assertThat(row(list, village)).contains(text("area.retired.badge")).contains("text-muted")
                .doesNotContain("/retire");
        assertThat(list).contains(text("area.retired", "撤销测试社区"));

        // A retired area takes no new children; with its village retired, the township may retire.
        follow(mvc.perform(retire(township, 0)).andExpect(flash().attribute("message", "area.retired")).andReturn());
        assertThat(retired(township)).isTrue();
        mvc.perform(newArea("VILLAGE", township, township.substring(0, 9) + "003", "迟到社区"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "parentCode", "area.parent.retired"));
        follow(mvc.perform(retire(township, 1)).andExpect(flash().attribute("error", "area.retire.already")).andReturn());
    }

    /** Creates an area through the form and follows the redirect, as a browser does. */
    private void createArea(String level, String parent, String code, String name) throws Exception {
        follow(mvc.perform(newArea(level, parent, code, name))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/areas"))
                .andReturn());
    }

    /** Follows a redirect in the same session; the page shows the flash message meant for it. */
    private String follow(MvcResult redirect) throws Exception {
        return mvc.perform(get(redirect.getResponse().getRedirectedUrl()).session(admin))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder newArea(String level, String parent, String code, String name) {
        MockHttpServletRequestBuilder post = post("/admin/areas/new").session(admin).with(csrf())
                .param("parentCode", parent).param("code", code).param("name", name);
        return level.isEmpty() ? post : post.param("level", level);
    }

    private MockHttpServletRequestBuilder retire(String code, long version) {
        return post("/admin/areas/{code}/retire", code).session(admin).with(csrf())
                .param("version", String.valueOf(version));
    }

    private boolean retired(String code) {
        return jdbc.queryForObject("select retired from area where code = ?", Boolean.class, code);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    /** The opening tag of the form control with the given id. */
    private static String tag(String html, String id) {
        Matcher m = Pattern.compile("<(input|select)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("control %s on the page", id).isTrue();
        return m.group();
    }

    private static String reloadLink(String html) {
        Matcher m = Pattern.compile("<a class=\"btn btn-primary\"[^>]*>").matcher(html);
        assertThat(m.find()).as("reload link on the conflict page").isTrue();
        return m.group();
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    /** The table row of the area list that shows the code. */
    private static String row(String html, String code) {
        for (String row : html.split("<tr")) {
            if (row.contains(">" + code + "</td>")) {
                return row.substring(0, row.indexOf("</tr>"));
            }
        }
        throw new AssertionError("no row for " + code);
    }
}
