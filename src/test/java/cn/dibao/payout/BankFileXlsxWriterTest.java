package cn.dibao.payout;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The XLSX bank file: every cell read back with its type, amounts exact to the fen, memory flat with rows. */
class BankFileXlsxWriterTest {

    static final List<String> COLUMNS = List.of(PayoutRunService.BANK_FILE_HEADER.split(","));

    /** One line of the bank file as the writer takes it. */
    record Line(String reference, String name, String idNumber, String bank, String account, BigDecimal amount,
                String programme, String township, String month, boolean custody) {

        void writeTo(BankFileXlsxWriter w) {
            w.row(reference, name, idNumber, bank, account, amount, programme, township, month, custody);
        }
    }

    static final List<Line> LINES = List.of(
            new Line("P12-1", "张三", "110105194912310021", "中国农业银行北京朝阳支行", "6228480010203040506",
                    new BigDecimal("500.00"), "DIBAO", "110105001000", "2026-07", false),
            new Line("P12-2", "欧阳娜娜", "11010519491231002X", "中国工商银行", "6222020200112233445",
                    new BigDecimal("0.01"), "TEKUN", "110105001000", "2026-07", true),
            new Line("P12-3", "李四, \"小名\"", "440524188001010014", "建设银行", "0012345678",
                    new BigDecimal("1234567.89"), "DIBAO", "110105002000", "2026-07", false),
            new Line("P12-40", "阿依古丽·买买提", "650102190001010019", "农村信用社", "62170000000000000001234567890123",
                    new BigDecimal("9999999999.99"), "LINSHI", "110105002000", "2026-07", true),
            new Line("P12-41", "王五", "370211198001011231", "邮储银行", "6210981234567",
                    new BigDecimal("320.5"), "DIBAO", "110105003000", "2026-07", false));

    private static byte[] write(List<Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BankFileXlsxWriter w = new BankFileXlsxWriter(out, "发放2026-07")) {
            w.header(COLUMNS);
            lines.forEach(l -> l.writeTo(w));
            assertThat(w.rows()).isEqualTo(lines.size());
        }
        return out.toByteArray();
    }

    private static XSSFWorkbook read(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static void assertText(Row row, int column, String expected) {
        Cell cell = row.getCell(column);
        assertThat(cell.getCellType()).as("column %d of row %d", column, row.getRowNum()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).isEqualTo(expected);
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("@");
    }

    @Test
    void everyCellReadsBackWithItsTypeAndValue() throws IOException {
        try (XSSFWorkbook wb = read(write(LINES))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("发放2026-07");
            assertThat(sheet.getLastRowNum()).isEqualTo(LINES.size());

            Row header = sheet.getRow(0);
            assertThat(header.getLastCellNum()).isEqualTo((short) 10);
            for (int i = 0; i < COLUMNS.size(); i++) {
                XSSFCell cell = (XSSFCell) header.getCell(i);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(COLUMNS.get(i));
                assertThat(cell.getCellStyle().getFont().getBold()).isTrue();
            }
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 0);

            for (int r = 0; r < LINES.size(); r++) {
                Line l = LINES.get(r);
                Row row = sheet.getRow(r + 1);
                assertThat(row.getLastCellNum()).isEqualTo((short) 10);
                assertText(row, 0, l.reference());
                assertText(row, 1, l.name());
                assertText(row, 2, l.idNumber());
                assertText(row, 3, l.bank());
                assertText(row, 4, l.account());
                Cell amount = row.getCell(5);
                assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("0.00");
                assertThat(BigDecimal.valueOf(amount.getNumericCellValue()).setScale(2))
                        .isEqualTo(l.amount().setScale(2));
                assertText(row, 6, l.programme());
                assertText(row, 7, l.township());
                assertText(row, 8, l.month());
                assertText(row, 9, l.custody() ? "Y" : "N");
                assertThat(row.getCell(10)).isNull();
            }
            // the digits that would be lost as numbers are all there
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).hasSize(18).endsWith("X");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).hasSize(19);
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).startsWith("00");
        }
    }

    @Test
    void aNullTextIsABlankCell() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BankFileXlsxWriter w = new BankFileXlsxWriter(out, "发放2026-07")) {
            w.header(COLUMNS);
            w.row("P1-1", "张三", null, null, "6222020200112233445", new BigDecimal("1.00"), "DIBAO", "110105001000",
                    "2026-07", false);
        }
        try (XSSFWorkbook wb = read(out.toByteArray())) {
            Row row = wb.getSheetAt(0).getRow(1);
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("6222020200112233445");
        }
    }

    /** Every fen amount up to 10^10 survives the trip through a double and the XML text of the cell. */
    @Test
    void amountsReadBackExactToTheFen() throws IOException {
        List<BigDecimal> amounts = new ArrayList<>(List.of(new BigDecimal("0.01"), new BigDecimal("0.07"),
                new BigDecimal("0.10"), new BigDecimal("0.29"), new BigDecimal("1.15"), new BigDecimal("2.67"), new BigDecimal("1234567.89"), new BigDecimal("9999999999.99"),
                new BigDecimal("8765432109.87"), new BigDecimal("100"), new BigDecimal("4503599627.37")));
        Random random = new Random(6);
        for (int i = 0; i < 3000; i++) {
            long fen = 1 + (long) (random.nextDouble() * 999_999_999_999L);
            amounts.add(BigDecimal.valueOf(fen, 2));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BankFileXlsxWriter w = new BankFileXlsxWriter(out, "发放")) {
            w.header(COLUMNS);
            for (int i = 0; i < amounts.size(); i++) {
                w.row("P1-" + (i + 1), "张三", "110105194912310021", "银行", "6222020200112233445", amounts.get(i),
                        "DIBAO", "110105001000", "2026-07", false);
            }
        }
        try (XSSFWorkbook wb = read(out.toByteArray())) {
            XSSFSheet sheet = wb.getSheetAt(0);
            for (int i = 0; i < amounts.size(); i++) {
                double read = sheet.getRow(i + 1).getCell(5).getNumericCellValue();
                assertThat(BigDecimal.valueOf(read).setScale(2)).as("row %d", i + 1)
                        .isEqualTo(amounts.get(i).setScale(2));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1.00", "1.234", "0.001", "10000000000", "10000000000.00"})
    void amountsABankFileCannotHoldAreRefused(String amount) {
        BankFileXlsxWriter w = new BankFileXlsxWriter(new ByteArrayOutputStream(), "发放");
        try {
            assertThatThrownBy(() -> w.row("P1-1", "张三", "110105194912310021", "银行", "6222020200112233445",
                    new BigDecimal(amount), "DIBAO", "110105001000", "2026-07", false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(new BigDecimal(amount).toPlainString());
            assertThat(w.rows()).isZero();
        } finally {
            w.abandon();
        }
    }

    @Test
    void closeWritesOnceAndLeavesTheStreamOpen() {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        BankFileXlsxWriter w = new BankFileXlsxWriter(out, "发放");
        w.header(COLUMNS);
        LINES.get(0).writeTo(w);
        assertThat(bytes.size()).as("nothing before close").isZero();
        w.close();
        int size = bytes.size();
        assertThat(size).isPositive();
        assertThat(closed[0]).isFalse();
        w.close();
        assertThat(bytes.size()).isEqualTo(size);
        assertThatThrownBy(() -> LINES.get(1).writeTo(w)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> w.header(COLUMNS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theHeaderComesFirst() {
        BankFileXlsxWriter w = new BankFileXlsxWriter(new ByteArrayOutputStream(), "发放");
        try {
            LINES.get(0).writeTo(w);
            assertThatThrownBy(() -> w.header(COLUMNS)).isInstanceOf(IllegalStateException.class);
        } finally {
            w.abandon();
        }
    }

    @Test
    void abandonWritesNothingAndDeletesTheTempFiles() throws IOException {
        Set<Path> before = sxssfTempFiles();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BankFileXlsxWriter w = new BankFileXlsxWriter(out, "发放");
        w.header(COLUMNS);
        LINES.forEach(l -> l.writeTo(w));
        Set<Path> during = sxssfTempFiles();
        during.removeAll(before);
        assertThat(during).as("a compressed temp file while writing").isNotEmpty()
                .allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".gz"));
        w.abandon();
        assertThat(out.size()).isZero();
        assertThat(during).allSatisfy(p -> assertThat(p).doesNotExist());
        w.close();
        assertThat(out.size()).as("close after abandon does nothing").isZero();
    }

    @Test
    void closeDeletesTheTempFiles() throws IOException {
        Set<Path> before = sxssfTempFiles();
        BankFileXlsxWriter w = new BankFileXlsxWriter(new ByteArrayOutputStream(), "发放");
        LINES.forEach(l -> l.writeTo(w));
        Set<Path> during = sxssfTempFiles();
        during.removeAll(before);
        assertThat(during).isNotEmpty();
        w.close();
        assertThat(during).allSatisfy(p -> assertThat(p).doesNotExist());
    }

    @Test
    void anInvalidSheetNameIsRefused() {
        assertThatThrownBy(() -> new BankFileXlsxWriter(new ByteArrayOutputStream(), "发放/2026:07"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * 200,000 rows: the heap after a full GC is the same at 20,000 rows and at 200,000 (SXSSF keeps
     * {@value BankFileXlsxWriter#WINDOW} rows), and the file holds every row.
     */
    @Test
    void twoHundredThousandRowsInConstantMemory(@TempDir Path dir) throws Exception {
        int total = 200_000;
        Path file = dir.resolve("bank.xlsx");
        long at20k = 0;
        long at200k;
        BigDecimal sum = BigDecimal.ZERO;
        try (OutputStream out = Files.newOutputStream(file);
             BankFileXlsxWriter w = new BankFileXlsxWriter(out, "发放2026-07")) {
            w.header(COLUMNS);
            for (int i = 1; i <= total; i++) {
                BigDecimal amount = BigDecimal.valueOf(10_000 + i % 90_000, 2);
                sum = sum.add(amount);
                w.row("P7-" + i, i % 2 == 0 ? "张三" : "欧阳娜娜", String.format("1101051949%07d%s", i, i % 11 == 0 ? "X" : "1"),
                        "中国农业银行", String.format("622848%013d", i), amount, "DIBAO", "110105001000", "2026-07",
                        i % 7 == 0);
                if (i == 20_000) {
                    at20k = usedHeap();
                }
            }
            at200k = usedHeap();
            assertThat(w.rows()).isEqualTo(total);
        }
        assertThat(at200k - at20k).as("heap growth from 20k to 200k rows, bytes").isLessThan(30L * 1024 * 1024);

        // a valid zip whose sheet holds the header and every row, read as a stream
        Set<String> entries = new HashSet<>();
        SheetSummary sheet = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.add(e.getName());
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = summarise(zip);
                }
            }
        }
        assertThat(entries).contains("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        assertThat(sheet).isNotNull();
        assertThat(sheet.rows()).isEqualTo(total + 1);
        assertThat(sheet.lastReference()).isEqualTo("P7-" + total);
        assertThat(sheet.numberSum()).isEqualByComparingTo(sum);
    }

    /** Rows of a sheet, the first text of its last row, and the sum of its numeric cells. */
    record SheetSummary(int rows, String lastReference, BigDecimal numberSum) {
    }

    /** Reads the sheet XML with StAX, as a stream (the zip is left open). */
    private static SheetSummary summarise(InputStream in) throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        // the JDK's parser closes its stream at the end of the document: keep the zip open
        XMLStreamReader x = f.createXMLStreamReader(new FilterInputStream(in) {
            @Override
            public void close() {
            }
        });
        int rows = 0;
        String first = null;
        boolean rowHasText = false;
        BigDecimal sum = BigDecimal.ZERO;
        StringBuilder text = null;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "row" -> {
                        rows++;
                        rowHasText = false;
                    }
                    case "t", "v" -> text = new StringBuilder();
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.CHARACTERS && text != null) {
                text.append(x.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (x.getLocalName().equals("t") && !rowHasText) {
                    first = text.toString();
                    rowHasText = true;
                } else if (x.getLocalName().equals("v")) {
                    sum = sum.add(new BigDecimal(text.toString()));
                }
                text = null;
            }
        }
        return new SheetSummary(rows, first, sum);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static Set<Path> sxssfTempFiles() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        if (!Files.isDirectory(dir)) {
            return new HashSet<>();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("poi-sxssf-sheet"))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }
}
