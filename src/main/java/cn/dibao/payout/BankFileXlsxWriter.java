package cn.dibao.payout;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The bank file as XLSX, for banks that want Excel: the same columns and values as the CSV of
 * {@link PayoutRunService#exportBankFile}. Written with SXSSF, so only the last {@value #WINDOW} rows
 * are in memory and the rest go to a compressed temp file: a million rows need no more heap than a
 * thousand. ID and account numbers are text cells (as numbers, 18-digit IDs and 19-digit accounts
 * would lose digits, and an ID ending in X would not be one); the amount is a numeric cell, format
 * {@code 0.00}, so the bank can sum it.
 *
 * <p>Nothing reaches {@code out} before {@link #close()}, which writes the workbook (without closing
 * {@code out}) and always deletes the temp files. After a failure half-way, call {@link #abandon()}
 * instead, so that a truncated but valid-looking file is never sent.
 */
final class BankFileXlsxWriter implements AutoCloseable {

    /** Rows kept in memory; older rows are flushed to the temp file. */
    static final int WINDOW = 200;

    /** Data rows that fit on one sheet below the header (Excel's limit is 1,048,576 rows). */
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    /** Amounts of {@code numeric(12, 2)} are below this; a double then holds them to the fen. */
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1E10");

    /** Column widths in characters, in the order of {@link PayoutRunService#BANK_FILE_HEADER}. */
    private static final int[] WIDTHS = {16, 12, 22, 24, 26, 14, 10, 15, 10, 6};

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle headerStyle;
    private final CellStyle textStyle;
    private final CellStyle amountStyle;
    private int nextRow;
    private long rows;
    private boolean closed;

    BankFileXlsxWriter(OutputStream out, String sheetName) {
        this.out = Objects.requireNonNull(out, "out");
        // inline strings (no shared strings table in memory), temp files gzip-compressed
        this.workbook = new SXSSFWorkbook(null, WINDOW, true, false);
        // POI's default (Zip64Mode.Always) writes 8-byte sizes in the data descriptors without the zip64
        // extra field, which java.util.zip.ZipInputStream and other strict readers refuse (POI issue
        // 1018). A full sheet of ten bank-file columns is far below the 4 GiB an entry may hold without it.
        workbook.setZip64Mode(Zip64Mode.Never);
        try {
            this.sheet = workbook.createSheet(sheetName);
            Font bold = workbook.createFont();
            bold.setBold(true);
            this.headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            this.textStyle = workbook.createCellStyle();
            textStyle.setDataFormat((short) BuiltinFormats.getBuiltinFormat("@"));
            this.amountStyle = workbook.createCellStyle();
            amountStyle.setDataFormat((short) BuiltinFormats.getBuiltinFormat("0.00"));
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
        } catch (RuntimeException e) {
            workbook.dispose();
            throw e;
        }
    }

    /** The header row, bold and frozen; if there is one, it must come before the first data row. */
    void header(List<String> columns) {
        requireOpen();
        if (nextRow != 0) {
            throw new IllegalStateException("the header must be the first row");
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellStyle(headerStyle);
            cell.setCellValue(columns.get(i));
        }
        sheet.createFreezePane(0, 1);
    }

    /**
     * One payee's line, the columns of {@link PayoutRunService#BANK_FILE_HEADER}. The amount must be
     * above zero with at most two decimals and below 10^10 (the bank file only holds payable items);
     * a null text is left blank.
     */
    void row(String reference, String payeeName, String idNumber, String bankName, String accountNo,
             BigDecimal amount, String programme, String townshipCode, String month, boolean custody) {
        requireOpen();
        BigDecimal fen = checkedAmount(amount);
        if (nextRow > MAX_ROWS) {
            throw new IllegalStateException("an XLSX sheet holds at most " + MAX_ROWS + " data rows");
        }
        Row row = sheet.createRow(nextRow++);
        text(row, 0, reference);
        text(row, 1, payeeName);
        text(row, 2, idNumber);
        text(row, 3, bankName);
        text(row, 4, accountNo);
        Cell cell = row.createCell(5);
        cell.setCellStyle(amountStyle);
        // exact: below 10^10 with two decimals the nearest double rounds back to the same fen
        cell.setCellValue(fen.doubleValue());
        text(row, 6, programme);
        text(row, 7, townshipCode);
        text(row, 8, month);
        text(row, 9, custody ? "Y" : "N");
        rows++;
    }

    /** Data rows written so far (the header is not counted). */
    long rows() {
        return rows;
    }

    /**
     * Writes the workbook to {@code out} (flushed, not closed) and deletes the temp files, even when
     * writing fails. A second call does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release();
        }
    }

    /** Deletes the temp files without writing anything to {@code out}: for a run that failed half-way. */
    void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        release();
    }

    private void release() {
        try {
            workbook.dispose();
        } finally {
            try {
                workbook.close();
            } catch (IOException e) {
                // nothing left to write: the temp files are already gone
            }
        }
    }

    private void text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(textStyle);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    private static BigDecimal checkedAmount(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0 || amount.compareTo(AMOUNT_LIMIT) >= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a bank file amount is above zero, below 10^10, with at most two decimals: "
                    + amount.toPlainString());
        }
        return amount.setScale(2);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the bank file is closed");
        }
    }
}
