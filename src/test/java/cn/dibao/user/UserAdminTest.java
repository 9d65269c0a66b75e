package cn.dibao.user;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.Login;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Staff accounts: created, reset and unlocked by an administrator; passwords changed by their owner. */
@IntegrationTest
class UserAdminTest {

    private static final String PASSWORD = "Initial-pass-1";

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

    @Test
    void adminCreatesAUserWhoMustChangeTheInitialPassword() throws Exception {
        String username = Fixtures.unique("newstaff");
        MvcResult created = mvc.perform(newUser(username, PASSWORD, Fixtures.TOWNSHIP_A, "CASEWORKER"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("message", "user.created"))
                .andReturn();
        String list = follow(created, admin);
        assertThat(list).contains(text("user.created", username));
        assertThat(row(list, username)).contains("新同事").contains("隐珠街道").contains(text("role.CASEWORKER"));

        Map<String, Object> row = jdbc.queryForMap("select * from staff_user where username = ?", username);
        assertThat(row).containsEntry("display_name", "新同事").containsEntry("scope_area_code", Fixtures.TOWNSHIP_A)
                .containsEntry("must_change_password", true).containsEntry("enabled", true)
                .containsEntry("created_by", "admin");
        assertThat((String) row.get("password_hash")).doesNotContain(PASSWORD).startsWith("$2");
        assertThat(jdbc.queryForList("select role from staff_user_role where user_id = ?", String.class, row.get("id")))
                .containsExactly("CASEWORKER");

        Map<String, Object> audit = jdbc.queryForMap(
                "select * from audit_event where action = 'USER_CREATED' and entity_id = ?", String.valueOf(row.get("id")));
        assertThat(audit).containsEntry("actor", "admin").containsEntry("entity_type", "staff_user")
                .containsEntry("area_code", Fixtures.TOWNSHIP_A);
        assertThat((String) audit.get("detail")).contains(username).doesNotContain(PASSWORD);

        Login.as(mvc, username, PASSWORD, "/account/password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"caseworker", "CaseWorker", "ADMIN"})
    void aTakenUsernameIsRefusedOnTheField(String username) throws Exception {
        int before = count("select count(*) from staff_user");
        String page = mvc.perform(newUser(username, PASSWORD, Fixtures.TOWNSHIP_A, "CASEWORKER"))
                .andExpect(status().isOk())
                .andExpect(view().name("user/form"))
                .andExpect(model().attributeHasFieldErrorCode("form", "username", "user.username.duplicate"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(text("user.username.duplicate")).contains("value=\"" + username + "\"");
        assertThat(count("select count(*) from staff_user")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "short1", "abcdefghij", "1234567890", "        "})
    void aWeakPasswordIsRefusedOnTheField(String password) throws Exception {
        String username = Fixtures.unique("weak");
        String page = mvc.perform(newUser(username, password, Fixtures.TOWNSHIP_A, "CASEWORKER"))
                .andExpect(status().isOk())
                .andExpect(view().name("user/form"))
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.rule"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"" + username + "\"");
        assertThat(page).as("the password is not sent back").doesNotContain("value=\"" + password + "\"");
        assertThat(count("select count(*) from staff_user where username = '" + username + "'")).isZero();
        assertThat(count("select count(*) from audit_event where action = 'USER_CREATED' and detail like '"
                + username + "%'")).isZero();
    }

    @Test
    void resetPasswordForcesAChangeBeforeAnyOtherPage() throws Exception {
        String user = fixtures.user(Fixtures.TOWNSHIP_A, PASSWORD, "CASEWORKER");
        long id = fixtures.userId(user);

        MvcResult reset = mvc.perform(post("/admin/users/{id}/reset-password", id).session(admin).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("message", "user.passwordReset"))
                .andReturn();
        String temporary = (String) reset.getFlashMap().get("temporaryPassword");
        assertThat(temporary).matches("^(?=.*[A-Za-z])(?=.*[0-9]).{8,64}$");
        assertThat(follow(reset, admin)).contains("id=\"temporary-password\"").contains(temporary);
        assertThat(count("select count(*) from audit_event where action = 'USER_PASSWORD_RESET' and entity_id = '"
                + id + "'")).isEqualTo(1);

        mvc.perform(Login.attempt(user, PASSWORD)).andExpect(redirectedUrl("/login?error"));
        MockHttpSession session = Login.as(mvc, user, temporary, "/account/password");

        for (String page : new String[]{"/", "/login", "/households"}) {
            mvc.perform(get(page).session(session))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/account/password"));
        }
        String form = mvc.perform(get("/account/password").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains(text("password.mustChange"));

        String newPassword = "Chosen-pass-77";
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", temporary).param("newPassword", newPassword)
                        .param("confirmPassword", newPassword))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("message", "password.changed"));
        assertThat(mvc.perform(get("/").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(text("password.changed"));
        assertThat(jdbc.queryForObject("select must_change_password from staff_user where id = ?", Boolean.class, id))
                .isFalse();

        mvc.perform(Login.attempt(user, temporary)).andExpect(redirectedUrl("/login?error"));
        Login.as(mvc, user, newPassword, "/");
    }

    @Test
    void changePasswordChecksTheCurrentPasswordAndTheRules() throws Exception {
        String user = fixtures.user(Fixtures.TOWNSHIP_A, PASSWORD, "CASEWORKER");
        MockHttpSession session = Login.as(mvc, user, PASSWORD);
        String hash = jdbc.queryForObject("select password_hash from staff_user where username = ?", String.class, user);

        expectPasswordError(session, "Not-my-pass-1", "Another-pass-2", "Another-pass-2", "currentPassword",
                "password.current.wrong");
        expectPasswordError(session, PASSWORD, "Another-pass-2", "Another-pass-3", "confirmPassword",
                "password.confirm.mismatch");
        expectPasswordError(session, PASSWORD, "weak", "weak", "newPassword", "password.rule");
        expectPasswordError(session, PASSWORD, PASSWORD, PASSWORD, "newPassword", "password.new.same");
        expectPasswordError(session, "", "Another-pass-2", "Another-pass-2", "currentPassword", "NotBlank");

        assertThat(jdbc.queryForObject("select password_hash from staff_user where username = ?", String.class, user))
                .isEqualTo(hash);
        Login.as(mvc, user, PASSWORD);
    }

    @Test
    void unlockClearsALock() throws Exception {
        String user = fixtures.user(Fixtures.TOWNSHIP_A, PASSWORD, "CASEWORKER");
        long id = fixtures.userId(user);
        for (int i = 0; i < 5; i++) {
            mvc.perform(Login.attempt(user, "Wrong-pass-9")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(Login.attempt(user, PASSWORD)).andExpect(redirectedUrl("/login?error"));

        String list = mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(row(list, user)).contains(text("user.locked")).contains("/admin/users/" + id + "/unlock");

        MvcResult unlocked = mvc.perform(post("/admin/users/{id}/unlock", id).session(admin).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("message", "user.unlocked"))
                .andReturn();
        assertThat(row(follow(unlocked, admin), user)).doesNotContain(text("user.locked"))
                .contains(text("user.active")).doesNotContain("/unlock");
        Map<String, Object> state = jdbc.queryForMap(
                "select failed_attempts, locked_until from staff_user where id = ?", id);
        assertThat(state.get("locked_until")).isNull();
        assertThat(state.get("failed_attempts")).isEqualTo(0);
        assertThat(count("select count(*) from audit_event where action = 'USER_UNLOCKED' and entity_id = '" + id
                + "' and actor = 'admin'")).isEqualTo(1);

        Login.as(mvc, user, PASSWORD);
    }

    @Test
    void editingWithAStaleVersionIsAConflictThatOffersToReopenTheForm() throws Exception {
        String user = fixtures.user(Fixtures.TOWNSHIP_A, PASSWORD, "CASEWORKER");
        long id = fixtures.userId(user);
        mvc.perform(editUser(id, "第一次修改", 0)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/users"));

        String page = mvc.perform(editUser(id, "过时的修改", 0))
                .andExpect(status().isConflict())
                .andExpect(view().name("error/409"))
                .andReturn().getResponse().getContentAsString();
        assertThat(jdbc.queryForObject("select display_name from staff_user where id = ?", String.class, id))
                .isEqualTo("第一次修改");

        Matcher link = Pattern.compile("<a class=\"btn btn-primary\" href=\"([^\"]+)\"")
                .matcher(page);
        assertThat(link.find()).as("reload link").isTrue();
        assertThat(link.group(1)).isEqualTo("/admin/users/" + id + "/edit");
        assertThat(mvc.perform(get(link.group(1)).session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("value=\"第一次修改\"");
    }

    @Test
    void aTownshipAdminCannotTouchUsersOutsideTheTownship() throws Exception {
        String townAdmin = fixtures.user(Fixtures.TOWNSHIP_A, PASSWORD, "ADMIN");
        String outsider = fixtures.user(Fixtures.TOWNSHIP_B, PASSWORD, "CASEWORKER");
        long outsiderId = fixtures.userId(outsider);
        MockHttpSession session = Login.as(mvc, townAdmin, PASSWORD);

        String list = mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(">" + townAdmin + "<").doesNotContain(outsider).doesNotContain(">caseworker2<");

        mvc.perform(post("/admin/users/{id}/reset-password", outsiderId).session(session).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
        mvc.perform(get("/admin/users/{id}/edit", outsiderId).session(session)).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select must_change_password from staff_user where id = ?", Boolean.class,
                outsiderId)).isFalse();
        Login.as(mvc, outsider, PASSWORD);

        String username = Fixtures.unique("outofscope");
        mvc.perform(newUser(username, PASSWORD, Fixtures.TOWNSHIP_B, "CASEWORKER", session))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "scopeAreaCode", "user.scope.unknown"));
        assertThat(count("select count(*) from staff_user where username = '" + username + "'")).isZero();
    }

    private MockHttpServletRequestBuilder editUser(long id, String displayName, long version) {
        return post("/admin/users/{id}/edit", id).session(admin).with(csrf())
                .param("username", "ignored").param("displayName", displayName)
                .param("scopeAreaCode", Fixtures.TOWNSHIP_A).param("roles", "CASEWORKER").param("enabled", "true")
                .param("version", String.valueOf(version));
    }

    private void expectPasswordError(MockHttpSession session, String current, String next, String confirm,
                                     String field, String code) throws Exception {
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", current).param("newPassword", next)
                        .param("confirmPassword", confirm))
                .andExpect(status().isOk())
                .andExpect(view().name("user/password"))
                .andExpect(model().attributeHasFieldErrorCode("form", field, code));
    }

    private MockHttpServletRequestBuilder newUser(String username, String password, String scope, String role) {
        return newUser(username, password, scope, role, admin);
    }

    private MockHttpServletRequestBuilder newUser(String username, String password, String scope, String role,
                                                  MockHttpSession session) {
        return post("/admin/users/new").session(session).with(csrf())
                .param("username", username).param("displayName", "新同事").param("password", password)
                .param("scopeAreaCode", scope).param("roles", role).param("enabled", "true").param("version", "0");
    }

    private String follow(MvcResult redirect, MockHttpSession session) throws Exception {
        return mvc.perform(get(redirect.getResponse().getRedirectedUrl()).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    /** The row of the user list that shows the username. */
    private static String row(String html, String username) {
        for (String row : html.split("<tr")) {
            if (row.contains(">" + username + "</td>")) {
                return row.substring(0, row.indexOf("</tr>"));
            }
        }
        throw new AssertionError("no row for " + username);
    }
}
