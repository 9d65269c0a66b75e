package cn.dibao.application;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.Login;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The materials checklist is configurable by administrators, validated, audited, and never deleted. */
@IntegrationTest
class MaterialAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationService applications;

    @Test
    void administratorsAddAndSwitchMaterials() throws Exception {
        MockHttpSession admin = Login.demo(mvc, "admin");
        String code = "T" + Math.abs(Fixtures.unique("").hashCode());
        mvc.perform(post("/admin/materials").session(admin).with(csrf()).param("assistanceType", "TEMP_EXPENDITURE")
                .param("code", code).param("name", "医院诊断证明").param("required", "false"))
                .andExpect(redirectedUrl("/admin/materials"));
        assertThat(applications.materials(AssistanceType.TEMP_EXPENDITURE))
                .anySatisfy(m -> assertThat(m.code()).isEqualTo(code));
        // the same code again, or a malformed one: a field error, nothing saved
        mvc.perform(post("/admin/materials").session(admin).with(csrf()).param("assistanceType", "TEMP_EXPENDITURE")
                .param("code", code).param("name", "重复")).andExpect(status().isOk())
                .andExpect(content().string(containsString("该救助类别已有此代码")));
        mvc.perform(post("/admin/materials").session(admin).with(csrf()).param("assistanceType", "DIBAO")
                .param("code", "bad code").param("name", "x")).andExpect(status().isOk())
                .andExpect(content().string(containsString("代码须为大写字母")));
        assertThat(jdbc.queryForObject("select count(*) from material_requirement where code = ?", Integer.class, code))
                .isEqualTo(1);
        long id = jdbc.queryForObject("select id from material_requirement where code = ?", Long.class, code);
        mvc.perform(post("/admin/materials/{id}", id).session(admin).with(csrf()).param("required", "false"))
                .andExpect(redirectedUrl("/admin/materials"));
        assertThat(applications.materials(AssistanceType.TEMP_EXPENDITURE))
                .noneSatisfy(m -> assertThat(m.code()).isEqualTo(code));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action in ('MATERIAL_ADDED', "
                + "'MATERIAL_CHANGED') and entity_id like ?", Integer.class, "%" + code + "%")).isEqualTo(1);
        mvc.perform(get("/admin/materials").session(Login.demo(mvc, "caseworker"))).andExpect(status().isForbidden());
    }
}
