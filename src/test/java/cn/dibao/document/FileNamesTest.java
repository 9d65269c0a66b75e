package cn.dibao.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Upload names, types by magic bytes and download headers: pure functions. */
class FileNamesTest {

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "承诺书.pdf                     | PDF  | 承诺书.pdf",
            "scan.PDF                       | PDF  | scan.pdf",
            "photo.html                     | PNG  | photo.png",
            "scan.pdf                       | PNG  | scan.png",
            "授权书.jpeg                     | JPEG | 授权书.jpeg",
            "授权书.jpg                      | JPEG | 授权书.jpg",
            "扫描件                          | JPEG | 扫描件.jpg",
            "v1.2 report                    | PDF  | v1.2 report.pdf",
            "C:\\Users\\王\\Desktop\\签字.png | PNG  | 签字.png",
            "../../etc/passwd               | PDF  | passwd.pdf",
            ".htaccess                      | PDF  | htaccess.pdf",
            "...                            | PDF  | document.pdf",
            "CON.pdf                        | PDF  | _CON.pdf",
            "'   '                          | PNG  | document.png"})
    void sanitises(String original, DetectedType type, String expected) {
        assertThat(FileNames.sanitise(original.equals("'   '") ? "   " : original, type)).isEqualTo(expected);
    }

    @Test
    void dropsControlAndDirectionCharacters() {
        // U+202E would show "gnp.exe" as "exe.png"; tabs and newlines would break headers and logs.
        assertThat(FileNames.sanitise("invoice\u202Egnp.exe", DetectedType.PNG)).isEqualTo("invoicegnp.png");
        assertThat(FileNames.sanitise("a\tb\r\nc\u0000d.pdf", DetectedType.PDF)).isEqualTo("a b cd.pdf");
        assertThat(FileNames.sanitise("a<b>c:d\"e|f?g*h.png", DetectedType.PNG)).isEqualTo("a_b_c_d_e_f_g_h.png");
        assertThat(FileNames.sanitise(null, DetectedType.PDF)).isEqualTo("document.pdf");
    }

    @Test
    void keepsNamesShortWithTheirExtension() {
        String name = FileNames.sanitise("长".repeat(400) + ".pdf", DetectedType.PDF);
        assertThat(name).endsWith("长.pdf");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
        String supplementary = FileNames.sanitise("𠀀".repeat(200) + ".png", DetectedType.PNG);
        assertThat(supplementary.codePointCount(0, supplementary.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(supplementary).endsWith("𠀀.png");
    }

    @Test
    void typesAreRecognisedByTheirFirstBytesOnly() {
        assertThat(DetectedType.of(SampleFiles.pdf())).contains(DetectedType.PDF);
        assertThat(DetectedType.of(SampleFiles.jpeg())).contains(DetectedType.JPEG);
        assertThat(DetectedType.of(SampleFiles.png())).contains(DetectedType.PNG);
        assertThat(DetectedType.of(SampleFiles.html())).isEmpty();
        assertThat(DetectedType.of(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DetectedType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).as("truncated").isEmpty();
        assertThat(DetectedType.of(new byte[0])).isEmpty();
        assertThat(DetectedType.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void contentDispositionIsAnAttachmentWithAnRfc5987Name() {
        assertThat(Attachments.contentDisposition("scan.pdf"))
                .isEqualTo("attachment; filename=\"scan.pdf\"; filename*=UTF-8''scan.pdf");
        assertThat(Attachments.contentDisposition("受理回执 2026.pdf")).isEqualTo("attachment; filename=\"download.pdf\"; "
                + "filename*=UTF-8''%E5%8F%97%E7%90%86%E5%9B%9E%E6%89%A7%202026.pdf");
        assertThat(Attachments.contentDisposition("a\"b%c;d.png"))
                .isEqualTo("attachment; filename=\"download.png\"; filename*=UTF-8''a%22b%25c%3Bd.png");
        assertThat(Attachments.contentDisposition(null)).isEqualTo("attachment; filename=\"download\"; filename*=UTF-8''download");
    }
}
