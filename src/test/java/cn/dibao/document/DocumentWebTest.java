package cn.dibao.document;

import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.support.AsStaff;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Uploads through a page form and the API, and downloads: always an attachment of the detected
 * type, never rendered; scoped; audited. Over-size uploads give the zh-CN message, never a 500.
 */
@IntegrationTest
class DocumentWebTest {

    private static final RequestPostProcessor CASEWORKER_API = httpBasic("caseworker", Fixtures.DEMO_PASSWORD);

    @Autowired
    MockMvc mvc;
    @Autowired
    DocumentStore store;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    Fixtures fixtures;

    private StaffPrincipal principal(String username) {
        return AsStaff.principal(users, username);
    }

    private StoredDocumentView stored(String user, String area, String name, String declaredType, byte[] bytes) {
        return AsStaff.call(users, user, () -> store.store("APPLICATION", DocumentStoreTest.newOwner(), "AUTHORISATION",
                area, new MockMultipartFile("file", name, declaredType, bytes)));
    }

    @Test
    void aPngDeclaredAsHtmlIsServedAsAPngAttachmentThatBrowsersMustNotSniff() throws Exception {
        byte[] png = SampleFiles.png();
        StoredDocumentView doc = stored("caseworker", Fixtures.VILLAGE_A, "<script>x.html", "text/html", png);

        for (var request : new org.springframework.test.web.servlet.RequestBuilder[] {
                get("/documents/{id}", doc.id()).with(user(principal("caseworker"))),
                get("/api/v1/documents/{id}", doc.id()).with(CASEWORKER_API)}) {
            MockHttpServletResponse res = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(res.getContentType()).isEqualTo("image/png");
            assertThat(res.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                    .isEqualTo("attachment; filename=\"_script_x.png\"; filename*=UTF-8''_script_x.png");
            assertThat(res.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(res.getHeaders("Content-Security-Policy")).containsExactly("default-src 'none'; sandbox");
            assertThat(res.getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
            assertThat(res.getContentAsByteArray()).isEqualTo(png);
        }
    }

    @Test
    void chineseFileNamesTravelAsRfc5987FilenameStar() throws Exception {
        StoredDocumentView doc = stored("caseworker", Fixtures.VILLAGE_A, "承诺书 王秀兰.pdf", "application/octet-stream",
                SampleFiles.pdf());
        MockHttpServletResponse res = mvc.perform(get("/documents/{id}", doc.id()).with(user(principal("caseworker"))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(res.getContentType()).isEqualTo("application/pdf");
        assertThat(res.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"download.pdf\"; "
                + "filename*=UTF-8''%E6%89%BF%E8%AF%BA%E4%B9%A6%20%E7%8E%8B%E7%A7%80%E5%85%B0.pdf");
    }

    @Test
    void aDocumentOutsideTheScopeIsNotFoundOnPagesAndTheApi() throws Exception {
        StoredDocumentView doc = stored("caseworker2", Fixtures.VILLAGE_B, "scan.jpg", "image/jpeg", SampleFiles.jpeg());
        long before = downloads(doc.id());

        String page = mvc.perform(get("/documents/{id}", doc.id()).with(user(principal("caseworker"))))
                .andExpect(status().isNotFound()).andExpect(view().name("error/404"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("scan.jpg");
        mvc.perform(get("/api/v1/documents/{id}", doc.id()).with(CASEWORKER_API))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dibao:problem:not-found"));
        mvc.perform(get("/documents/{id}", Long.MAX_VALUE).with(user(principal("caseworker"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/documents/{id}", "abc").with(user(principal("caseworker"))))
                .andExpect(status().isNotFound());
        assertThat(downloads(doc.id())).as("a refused download is not a download").isEqualTo(before);

        // The county reviewer's scope holds both townships.
        mvc.perform(get("/documents/{id}", doc.id()).with(user(principal("reviewer")))).andExpect(status().isOk());
        mvc.perform(get("/documents/{id}", doc.id()).with(user(principal("caseworker2")))).andExpect(status().isOk());
    }

    @Test
    void everyDownloadIsAudited() throws Exception {
        StoredDocumentView doc = stored("caseworker", Fixtures.VILLAGE_A, "visit.png", "image/png", SampleFiles.png());
        mvc.perform(get("/documents/{id}", doc.id()).with(user(principal("caseworker")))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/documents/{id}", doc.id()).with(httpBasic("auditor", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isOk());

        assertThat(jdbc.queryForList("""
                select actor from audit_event
                where action = 'DOCUMENT_DOWNLOADED' and entity_type = 'stored_document' and entity_id = ?
                  and area_code = ? order by id""", String.class, String.valueOf(doc.id()), Fixtures.VILLAGE_A))
                .containsExactly("caseworker", "auditor");
    }

    @Test
    void onlyTheRolesThatReadCaseFilesMayDownload() throws Exception {
        StoredDocumentView doc = stored("caseworker", Fixtures.VILLAGE_A, "p.png", "image/png", SampleFiles.png());
        String admin = fixtures.user(Fixtures.COUNTY, "Admin-only-1", "ADMIN");
        mvc.perform(get("/documents/{id}", doc.id()).with(user(principal(admin)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/documents/{id}", doc.id()).with(httpBasic(admin, "Admin-only-1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/documents/{id}", doc.id())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/documents/{id}", doc.id())).andExpect(status().isUnauthorized());
        assertThat(downloads(doc.id())).isZero();
    }

    @Test
    void uploadsThroughAPageFormAreStoredOrShowTheFieldError() throws Exception {
        long owner = DocumentStoreTest.newOwner();
        byte[] png = SampleFiles.png();
        String ok = mvc.perform(multipart("/test-support/uploads")
                        .file(new MockMultipartFile("file", "签字.png", "text/html", png))
                        .param("areaCode", Fixtures.VILLAGE_A).param("ownerId", String.valueOf(owner))
                        .with(user(principal("caseworker"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ok).contains("image/png " + SampleFiles.sha256(png));

        String wrongType = uploadPage(owner, new MockMultipartFile("file", "scan.pdf", "application/pdf",
                SampleFiles.html()));
        assertThat(wrongType).contains("is-invalid").contains(text("upload.type"));

        String tooLarge = uploadPage(owner, new MockMultipartFile("file", "big.pdf", "application/pdf",
                SampleFiles.pdfOfSize((int) DocumentStore.MAX_BYTES + 1)));
        assertThat(tooLarge).contains("is-invalid").contains(text("upload.tooLarge")).contains("10 MB");

        assertThat(jdbc.queryForObject("select count(*) from stored_document where owner_id = ? and owner_type = ?",
                Long.class, owner, TestSupportEndpoints.OWNER_TYPE)).isEqualTo(1);
    }

    @Test
    void uploadsThroughTheApiAreStoredOrABadRequestProblem() throws Exception {
        long owner = DocumentStoreTest.newOwner();
        byte[] jpeg = SampleFiles.jpeg();
        mvc.perform(multipart("/api/v1/test-support/uploads")
                        .file(new MockMultipartFile("file", "id.jpg", "image/png", jpeg))
                        .param("areaCode", Fixtures.VILLAGE_A).param("ownerId", String.valueOf(owner))
                        .with(CASEWORKER_API))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/jpeg"))
                .andExpect(jsonPath("$.sha256").value(SampleFiles.sha256(jpeg)));

        mvc.perform(multipart("/api/v1/test-support/uploads")
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf",
                                SampleFiles.pdfOfSize((int) DocumentStore.MAX_BYTES + 1)))
                        .param("areaCode", Fixtures.VILLAGE_A).param("ownerId", String.valueOf(owner))
                        .with(CASEWORKER_API))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").value("urn:dibao:problem:invalid-upload"))
                .andExpect(jsonPath("$.detail").value(text("upload.tooLarge")))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(text("upload.tooLarge")));

        mvc.perform(multipart("/api/v1/test-support/uploads")
                        .file(new MockMultipartFile("file", "a.png", "image/png", SampleFiles.html()))
                        .param("areaCode", Fixtures.VILLAGE_A).param("ownerId", String.valueOf(owner))
                        .with(CASEWORKER_API))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(text("upload.type")));
    }

    /** Over the multipart parser's limits, as Tomcat refuses such a body: see OversizedUpload. */
    @Test
    void aPageFormOverTheMultipartLimitLeadsToThePageThatExplainsTheLimits() throws Exception {
        var session = cn.dibao.support.Login.demo(mvc, "caseworker");
        mvc.perform(OversizedUpload.post("/test-support/uploads", session))
                .andExpect(status().isSeeOther())
                .andExpect(header().string(HttpHeaders.LOCATION, "/upload-too-large"));
        String page = mvc.perform(get("/upload-too-large").session(session))
                .andExpect(status().isOk()).andExpect(view().name("error/413"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(text("error.413.title")).contains(text("error.413.text")).contains("10 MB");

        // The page the container shows for a 413 from anywhere else.
        String errorPage = mvc.perform(get("/error").session(session).accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/test-support/uploads"))
                .andExpect(status().isPayloadTooLarge())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(errorPage).contains(text("error.413.text")).doesNotContain("Exception");
    }

    @Test
    void anApiUploadOverTheMultipartLimitIsABadRequestProblem() throws Exception {
        for (String url : new String[] {"/api/v1/test-support/uploads", "/api/v1/nope"}) {
            mvc.perform(OversizedUpload.post(url, null, CASEWORKER_API))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.title").value(text("error.400.title")))
                    .andExpect(jsonPath("$.type").value("urn:dibao:problem:invalid-upload"))
                    .andExpect(jsonPath("$.detail").value(text("upload.requestTooLarge")));
        }
    }

    private String uploadPage(long owner, MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/test-support/uploads").file(file)
                        .param("areaCode", Fixtures.VILLAGE_A).param("ownerId", String.valueOf(owner))
                        .with(user(principal("caseworker"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long downloads(long id) {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'DOCUMENT_DOWNLOADED' and entity_id = ?",
                Long.class, String.valueOf(id));
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
