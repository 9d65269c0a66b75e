package cn.dibao.document;

import cn.dibao.common.error.InvalidUploadException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.support.AsStaff;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DocumentStore on the real database: what is accepted, what is stored, what is refused. */
@IntegrationTest
class DocumentStoreTest {

    private static final AtomicLong OWNER = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    DocumentStore store;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    static long newOwner() {
        return OWNER.incrementAndGet();
    }

    private StoredDocumentView storeAs(String user, long owner, String area, MockMultipartFile file) {
        return AsStaff.call(users, user, () -> store.store("APPLICATION", owner, "PROMISE", area, file));
    }

    @Test
    void acceptsPdfJpegAndPngWithTheirChecksumAndKeepsTheBytes() {
        long owner = newOwner();
        record Case(String name, String declared, byte[] bytes, String type, String storedName) {
        }
        List<Case> cases = List.of(
                new Case("承诺书.pdf", "application/pdf", SampleFiles.pdf(), "application/pdf", "承诺书.pdf"),
                new Case("授权书.JPEG", "image/jpeg", SampleFiles.jpeg(), "image/jpeg", "授权书.jpeg"),
                new Case("入户调查签字.png", "image/png", SampleFiles.png(), "image/png", "入户调查签字.png"));
        for (Case c : cases) {
            StoredDocumentView v = storeAs("caseworker", owner, Fixtures.VILLAGE_A,
                    new MockMultipartFile("file", c.name(), c.declared(), c.bytes()));
            assertThat(v.contentType()).isEqualTo(c.type());
            assertThat(v.originalName()).isEqualTo(c.storedName());
            assertThat(v.sizeBytes()).isEqualTo(c.bytes().length);
            assertThat(v.sha256()).isEqualTo(SampleFiles.sha256(c.bytes())).hasSize(64);
            assertThat(v.uploadedBy()).isEqualTo("caseworker");
            assertThat(v.areaCode()).isEqualTo(Fixtures.VILLAGE_A);

            byte[] stored = jdbc.queryForObject("select content from stored_document where id = ?", byte[].class, v.id());
            assertThat(stored).isEqualTo(c.bytes());
            assertThat(jdbc.queryForObject("select encode(sha256(content), 'hex') = sha256 from stored_document where id = ?",
                    Boolean.class, v.id())).as("the checksum is that of the stored bytes").isTrue();
        }
        List<StoredDocumentView> listed = AsStaff.call(users, "caseworker", () -> store.list("APPLICATION", owner));
        assertThat(listed).extracting(StoredDocumentView::originalName)
                .containsExactly("承诺书.pdf", "授权书.jpeg", "入户调查签字.png");
        assertThat(count("DOCUMENT_STORED", listed.get(0).id())).isEqualTo(1);
    }

    @Test
    void aPngDeclaredAsHtmlIsStoredAsPngUnderAPngName() {
        StoredDocumentView v = storeAs("caseworker", newOwner(), Fixtures.VILLAGE_A,
                new MockMultipartFile("file", "photo.html", "text/html", SampleFiles.png()));
        assertThat(v.contentType()).isEqualTo("image/png");
        assertThat(v.originalName()).isEqualTo("photo.png");
    }

    @Test
    void htmlNamedPdfIsRefusedByItsContentAndNothingIsStored() {
        long owner = newOwner();
        assertThatThrownBy(() -> storeAs("caseworker", owner, Fixtures.VILLAGE_A,
                new MockMultipartFile("promise", "scan.pdf", "application/pdf", SampleFiles.html())))
                .isInstanceOfSatisfying(InvalidUploadException.class, e -> {
                    assertThat(e.field()).isEqualTo("promise");
                    assertThat(e.messageKey()).isEqualTo("upload.type");
                });
        assertThat(jdbc.queryForObject("select count(*) from stored_document where owner_type = 'APPLICATION' and owner_id = ?",
                Long.class, owner)).isZero();
    }

    @Test
    void emptyAndTooLargeFilesAreRefused() {
        assertThatThrownBy(() -> storeAs("caseworker", newOwner(), Fixtures.VILLAGE_A,
                new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0])))
                .isInstanceOfSatisfying(InvalidUploadException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("upload.empty"));
        assertThatThrownBy(() -> storeAs("caseworker", newOwner(), Fixtures.VILLAGE_A, null))
                .isInstanceOfSatisfying(InvalidUploadException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("upload.empty"));

        StoredDocumentView atLimit = storeAs("caseworker", newOwner(), Fixtures.VILLAGE_A,
                new MockMultipartFile("file", "big.pdf", "application/pdf",
                        SampleFiles.pdfOfSize((int) DocumentStore.MAX_BYTES)));
        assertThat(atLimit.sizeBytes()).isEqualTo(10L * 1024 * 1024);

        assertThatThrownBy(() -> storeAs("caseworker", newOwner(), Fixtures.VILLAGE_A,
                new MockMultipartFile("file", "bigger.pdf", "application/pdf",
                        SampleFiles.pdfOfSize((int) DocumentStore.MAX_BYTES + 1))))
                .isInstanceOfSatisfying(InvalidUploadException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("upload.tooLarge"));
    }

    @Test
    void storingAndListingStayWithinTheScope() {
        long owner = newOwner();
        assertThatThrownBy(() -> storeAs("caseworker", owner, Fixtures.VILLAGE_B,
                new MockMultipartFile("file", "x.png", "image/png", SampleFiles.png())))
                .isInstanceOf(NotFoundException.class);

        storeAs("caseworker2", owner, Fixtures.VILLAGE_B, new MockMultipartFile("file", "x.png", "image/png",
                SampleFiles.png()));
        assertThat(AsStaff.call(users, "caseworker", () -> store.list("APPLICATION", owner))).isEmpty();
        assertThat(AsStaff.call(users, "caseworker2", () -> store.list("APPLICATION", owner))).hasSize(1);
        assertThat(AsStaff.call(users, "reviewer", () -> store.list("APPLICATION", owner))).hasSize(1);
    }

    @Test
    void ownerAndPurposeAreCodes() {
        MockMultipartFile f = new MockMultipartFile("file", "x.png", "image/png", SampleFiles.png());
        assertThatThrownBy(() -> AsStaff.call(users, "caseworker",
                () -> store.store("application", 1, "PROMISE", Fixtures.VILLAGE_A, f)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsStaff.call(users, "caseworker",
                () -> store.store("APPLICATION", 1, "PROMISE; drop", Fixtures.VILLAGE_A, f)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsStaff.call(users, "caseworker",
                () -> store.store("APPLICATION", 1, "PROMISE", "3702", f)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long count(String action, long id) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and entity_type = 'stored_document' and entity_id = ?",
                Long.class, action, String.valueOf(id));
    }
}
