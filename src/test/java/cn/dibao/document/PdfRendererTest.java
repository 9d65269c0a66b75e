package cn.dibao.document;

import cn.dibao.support.AsStaff;
import cn.dibao.support.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notices rendered to PDF: A4, Chinese text that a PDF reader can extract (so the shipped font is
 * embedded and maps its glyphs to Unicode), and no font but the shipped one, whatever family
 * the template asks for.
 */
@IntegrationTest
class PdfRendererTest {

    private static final String EMBEDDED_NOTO = "[A-Z]{6}\\+NotoSansSC-Regular";

    @Autowired
    PdfRenderer renderer;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void theSampleNoticeIsAnA4PdfWithItsChineseTextInTheShippedFont() throws IOException {
        long start = System.nanoTime();
        byte[] pdf = renderer.render("print/sample-notice", TestPrintEndpoints.SampleNotice.model(),
                Locale.SIMPLIFIED_CHINESE);
        System.out.printf("Sample notice: %d bytes in %d ms%n", pdf.length, (System.nanoTime() - start) / 1_000_000);
        Files.write(Path.of("target", "sample-notice.pdf"), pdf); // to look at

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle a4 = doc.getPage(0).getMediaBox();
            assertThat(a4.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
            assertThat(a4.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("社会救助申请材料补正告知书（样例）");
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).as("PDF/A-2u identification").containsPattern("pdfaid:part[^0-9]{1,3}2")
                    .containsPattern("pdfaid:conformance[^A-Z]{1,3}U");
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);

            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains(
                    "青岛市黄岛区隐珠街道办事处", "隐街救补〔2026〕7号",
                    "社会救助申请材料补正告知书（样例）", "王秀兰：",
                    "您于2026年3月5日提交的最低生活保障申请已收悉", "请在5个工作日内补齐下列材料",
                    "材料名称", "份数", "备注", "家庭成员户口簿复印件", "家庭经济状况核对授权书", "每位成年成员签字",
                    "残疾证（ABC-123）", "申请人（签字）：", "（盖章）", "2026年3月9日", "1/1");
            assertThat(fontsOf(doc)).isNotEmpty().allMatch(n -> n.matches(EMBEDDED_NOTO));
        }
    }

    @Test
    void everyFamilyAWeightOrStyleAsksForIsDrawnWithTheShippedFont() throws IOException {
        byte[] pdf = renderer.render("test-support/pdf-fonts", Map.of(), Locale.SIMPLIFIED_CHINESE);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // No built-in PDF font (Times, Helvetica, Courier…) and no system font: only the
            // embedded subset of the font read from the classpath.
            assertThat(fontsOf(doc)).isNotEmpty().allMatch(n -> n.matches(EMBEDDED_NOTO));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("衬线Serif123", "等宽Mono456", "宋体粗斜Bold789", "无衬线Helvetica¥1,234.50",
                    "默认Default①※——“引号”《书名》·刘䶮");
        }
    }

    @Test
    void theLocaleChoosesTheMessages() throws IOException {
        byte[] pdf = renderer.render("print/sample-notice", TestPrintEndpoints.SampleNotice.model(), Locale.ENGLISH);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Notice to complete an application").contains("5 March 2026").contains("(Seal)");
        }
    }

    @Test
    void rendersToAStreamItLeavesOpen() {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the renderer must not close the caller's stream");
            }
        };
        renderer.render("print/sample-notice", TestPrintEndpoints.SampleNotice.model(), out);
        assertThat(new String(out.toByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aTemplateThatIsNotWellFormedXhtmlIsReportedWithItsName() {
        assertThatThrownBy(() -> renderer.render("test-support/not-xhtml", Map.of(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test-support/not-xhtml").hasMessageContaining("not well-formed XHTML");
    }

    @Test
    void templatesCannotLoadAnythingFromOutsideButDataImages(@TempDir Path tmp) throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            Path localPng = Files.write(tmp.resolve("local.png"), SampleFiles.png());
            Map<String, Object> model = new HashMap<>();
            model.put("base", "http://127.0.0.1:" + server.getAddress().getPort());
            model.put("localFile", localPng.toAbsolutePath().toString());
            model.put("dataUri", "data:image/png;base64," + Base64.getEncoder().encodeToString(SampleFiles.png()));
            byte[] pdf = renderer.render("test-support/pdf-external", model, Locale.SIMPLIFIED_CHINESE);
            assertThat(requests).as("requests to the template's URLs").hasValue(0);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDResources res = doc.getPage(0).getResources();
                List<COSName> images = new ArrayList<>();
                for (COSName n : res.getXObjectNames()) {
                    images.add(n);
                }
                assertThat(images).as("only the data: image is drawn").hasSize(1);
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void oneViewServesThePrintPageAndThePdf() throws Exception {
        var caseworker = AsStaff.principal(users, "caseworker");
        String page = mvc.perform(get("/test-support/notice").with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("社会救助申请材料补正告知书（样例）", "青岛市黄岛区隐珠街道办事处", "class=\"js-print\"",
                "/js/print.js", "href=\"/test-support/notice.pdf\"", "@page");

        MockHttpServletResponse res = mvc.perform(get("/test-support/notice.pdf").with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(res.getContentType()).isEqualTo("application/pdf");
        assertThat(res.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment; filename=\"download.pdf\"; "
                + "filename*=UTF-8''%E8%A1%A5%E6%AD%A3");
        assertThat(new String(res.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(res.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).as("the screen toolbar is left out of the PDF")
                    .doesNotContain(messages.getMessage("print.toolbar.print", null, Locale.SIMPLIFIED_CHINESE));
        }
    }

    private static Set<String> fontsOf(PDDocument doc) throws IOException {
        Set<String> names = new TreeSet<>();
        for (PDPage page : doc.getPages()) {
            PDResources res = page.getResources();
            for (COSName n : res.getFontNames()) {
                PDFont f = res.getFont(n);
                assertThat(f).as("font %s", f.getName()).isInstanceOf(PDType0Font.class);
                assertThat(f.isEmbedded()).as("font %s embedded", f.getName()).isTrue();
                names.add(f.getName());
            }
        }
        return names;
    }
}
