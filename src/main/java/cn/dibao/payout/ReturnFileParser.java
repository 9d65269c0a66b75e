package cn.dibao.payout;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bank's return file (回盘文件) and checks its syntax line by line, so that the finance
 * officer gets every problem at once, each with its line, field and value. Whether the references
 * exist and the amounts match is the service's business, not this class's.
 *
 * <h2>Format</h2>
 * A header line, then one line per line of the bank file, in any order:
 * <pre>
 * 参考号,账号,金额,结果,失败原因
 * P12-34567,6222020200112233445,500.00,成功,
 * P12-34568,6222020200112233446,320,失败,账户已销户
 * </pre>
 * The header names must be these, in this order (or {@code reference,account,amount,result,reason},
 * any case; each column may use either name); whitespace around any value is ignored.
 * <ul>
 *   <li>参考号: the reference of the bank file, {@code P<runId>-<number>}, positive numbers without
 *       leading zeros, e.g. {@code P12-34567}; each at most once in the file.</li>
 *   <li>账号: 6 to 32 digits or letters (as {@code payment_account.account_no}).</li>
 *   <li>金额: above zero and below 10^10, at most two decimals, no sign, currency or thousands
 *       separator: {@code 500.00} or {@code 500}.</li>
 *   <li>结果: {@code 成功}, {@code 失败} or {@code 退回}; also {@code SUCCESS}/{@code PAID},
 *       {@code FAILED}/{@code FAIL}, {@code RETURNED} in any case.</li>
 *   <li>失败原因: required (at most {@value #MAX_REASON} characters) for 失败 and 退回, empty for 成功.</li>
 * </ul>
 * Either CSV (RFC 4180: comma-separated, fields may be quoted with {@code "}, a quote inside doubled,
 * a stray quote inside an unquoted field is kept as it is; CRLF, LF or CR line ends; blank lines,
 * also {@code ,,,,}, are ignored at the end and errors in between) in UTF-8 (with or without BOM)
 * or GBK, or XLSX (told by the zip signature {@code PK\3\4}; first sheet only, streamed from a temp
 * file; the row number is the line number). A CSV file is UTF-8 if its bytes are valid UTF-8, else
 * GBK if they are valid GBK; anything else, and binary content, is refused.
 *
 * <p>In XLSX, a numeric cell reads as Excel shows it (15 significant digits), so an amount typed as
 * the number 500 is {@code 500}, while {@code 12.345} is still refused. An account in a numeric cell
 * with more than 15 digits is refused: Excel has already lost its last digits.
 *
 * <p>Line numbers are physical lines: a quoted CSV field with a line break in it moves the next
 * line's number on by one, as a text editor counts. At most {@value #MAX_ERRORS} errors are listed,
 * then one more (line 0) saying how many were left out.
 */
final class ReturnFileParser {

    private static final int MB = 1024 * 1024;

    static final int MAX_ERRORS = 1000;
    static final int MAX_REASON = 200;
    /** Larger files are refused before anything is read. */
    static final int MAX_BYTES = 128 * MB; // a 1M-line return file is about 50 MB

    static final List<String> HEADER = List.of("参考号", "账号", "金额", "结果", "失败原因");
    static final List<String> HEADER_EN = List.of("reference", "account", "amount", "result", "reason");

    private static final String HEADER_TEXT = String.join(",", HEADER);
    private static final Pattern REFERENCE = Pattern.compile("P([1-9][0-9]{0,17})-([1-9][0-9]{0,17})");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z]{6,32}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1E10");
    /** Excel shows (and keeps) at most 15 significant digits. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_UP);
    private static final int QUOTE_LIMIT = 40;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};

    private ReturnFileParser() {
    }

    static ParsedReturnFile parse(byte[] content) {
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            return fileError(null, "文件为空");
        }
        if (content.length > MAX_BYTES) {
            return fileError(null, "文件太大（约 " + (content.length + MB - 1) / MB + " MB），最大 " + MAX_BYTES / MB + " MB");
        }
        if (startsWith(content, ZIP)) {
            return parseXlsx(content);
        }
        if (startsWith(content, OLE2)) {
            return fileError(null, "这是旧版 Excel（.xls）文件或加密的 Excel 文件，请另存为不加密的 .xlsx 或 CSV 后再上传");
        }
        if (startsWith(content, UTF16LE_BOM) || startsWith(content, UTF16BE_BOM)) {
            return fileError(null, "文件是 UTF-16 编码（如 Excel 的“Unicode 文本”），请另存为 UTF-8 或 GBK 编码的 CSV");
        }
        int control = firstControlByte(content);
        if (control >= 0) {
            return fileError(null, String.format("文件含有二进制内容（第 %d 个字节是 0x%02X），不是 CSV 文本文件，也不是 XLSX 文件",
                    control + 1, content[control] & 0xFF));
        }
        String encoding;
        CharBuffer text;
        if (startsWith(content, UTF8_BOM)) {
            encoding = "UTF-8";
            text = decode(content, UTF8_BOM.length, StandardCharsets.UTF_8);
            if (text == null) {
                return fileError(null, "文件以 UTF-8 的 BOM 开头，却含有无效的 UTF-8 字节，无法读取");
            }
        } else if ((text = decode(content, 0, StandardCharsets.UTF_8)) != null) {
            encoding = "UTF-8";
        } else if ((text = decode(content, 0, Charset.forName("GBK"))) != null) {
            encoding = "GBK";
        } else {
            return fileError(null, "文件既不是有效的 UTF-8 文本，也不是有效的 GBK 文本，无法读取（请另存为 UTF-8 或 GBK 编码的 CSV）");
        }
        Collector c = new Collector(encoding);
        readCsv(text, c);
        return c.finish();
    }

    // ---- CSV ------------------------------------------------------------------------------------

    /** The bytes from {@code offset} decoded strictly, or null if they are not valid in {@code charset}. */
    private static CharBuffer decode(byte[] content, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset));
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The index of the first control byte other than tab, CR and LF, or -1. Such bytes are never part
     * of a multi-byte character in UTF-8 or GBK, so this holds whatever the encoding.
     */
    private static int firstControlByte(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            int b = content[i];
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n') || b == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    /** Splits RFC 4180 records and hands each to the collector with the line it starts on. */
    private static void readCsv(CharSequence s, Collector c) {
        int n = s.length();
        int i = 0;
        int line = 1;
        while (i < n && !c.stopped) {
            int start = line;
            List<Value> fields = new ArrayList<>(6);
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            String error = null;
            while (true) {
                if (i >= n) {
                    fields.add(Value.text(field));
                    break;
                }
                char ch = s.charAt(i);
                if (ch == '"' && !quoted && field.toString().isBlank()) {
                    quoted = true;
                    field.setLength(0);
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char q = s.charAt(i++);
                        if (q == '"') {
                            if (i < n && s.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                closed = true;
                                break;
                            }
                        } else {
                            if (q == '\n' || (q == '\r' && (i >= n || s.charAt(i) != '\n'))) {
                                line++;
                            }
                            field.append(q);
                        }
                    }
                    if (!closed) {
                        error = "第 " + (fields.size() + 1) + " 列的引号没有闭合（从这一行起直到文件末尾都在引号内）";
                        break;
                    }
                    while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                        i++;
                    }
                    if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                        error = "第 " + (fields.size() + 1) + " 列的右引号后面还有其他字符（字段内的引号要写成两个引号）";
                        while (i < n && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                            i++;
                        }
                    }
                    continue;
                }
                if (ch == ',') {
                    fields.add(Value.text(field));
                    field.setLength(0);
                    quoted = false;
                    i++;
                    continue;
                }
                if (ch == '\r' || ch == '\n') {
                    i++;
                    if (ch == '\r' && i < n && s.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    fields.add(Value.text(field));
                    break;
                }
                field.append(ch);
                i++;
            }
            if (error != null) {
                c.broken(start, error);
            } else {
                c.record(start, fields);
            }
        }
    }

    // ---- XLSX -----------------------------------------------------------------------------------

    /**
     * Streams the first sheet: the package is opened from a temp file (so the sheet XML is read from
     * the zip as it is parsed, never expanded in memory) and its rows are read with StAX.
     */
    private static ParsedReturnFile parseXlsx(byte[] content) {
        Collector c = new Collector("XLSX");
        Path tmp = null;
        try {
            tmp = Files.createTempFile("dibao-return-", ".xlsx");
            Files.write(tmp, content);
            OPCPackage pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ);
            try {
                XSSFReader reader = new XSSFReader(pkg);
                SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return fileError("XLSX", "XLSX 文件里没有工作表");
                }
                try (InputStream sheet = sheets.next()) {
                    readSheet(sheet, strings, c);
                }
            } finally {
                pkg.revert();
            }
        } catch (Exception e) {
            // a damaged zip, another Office file, a zip bomb, bad XML: nothing the officer can fix but the file
            return fileError("XLSX", "无法读取 XLSX 文件：文件可能已损坏，或者不是 Excel 工作簿（.xlsx）");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    tmp.toFile().deleteOnExit();
                }
            }
        }
        return c.finish();
    }

    private static void readSheet(InputStream in, SharedStrings strings, Collector c) throws XMLStreamException {
        XMLStreamReader x = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
        try {
            int lastRow = 0;
            int rowNo = 0;
            List<Value> cells = null;
            int nextColumn = 0;
            int column = 0;
            String type = null;
            StringBuilder value = new StringBuilder();
            boolean capture = false;
            int phonetic = 0;
            while (x.hasNext() && !c.stopped) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "row" -> {
                            String r = x.getAttributeValue(null, "r");
                            rowNo = r == null ? lastRow + 1 : Integer.parseInt(r);
                            cells = new ArrayList<>();
                            nextColumn = 0;
                        }
                        case "c" -> {
                            String r = x.getAttributeValue(null, "r");
                            column = r == null ? nextColumn : columnIndex(r);
                            nextColumn = column + 1;
                            type = x.getAttributeValue(null, "t");
                            value.setLength(0);
                        }
                        case "v" -> capture = true;
                        case "t" -> capture = phonetic == 0;
                        case "rPh" -> phonetic++;
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    if (capture) {
                        value.append(x.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "v", "t" -> capture = false;
                        case "rPh" -> phonetic--;
                        case "c" -> {
                            while (cells.size() <= column) {
                                cells.add(Value.BLANK);
                            }
                            cells.set(column, cell(type, value.toString(), strings));
                        }
                        case "row" -> {
                            if (rowNo > lastRow + 1) {
                                c.blank(lastRow + 1, rowNo - 1);
                            }
                            c.record(rowNo, trimmed(cells));
                            lastRow = rowNo;
                        }
                        default -> {
                        }
                    }
                }
            }
        } finally {
            x.close();
        }
    }

    /** One cell as text; a number as Excel shows it, marked numeric. */
    private static Value cell(String type, String raw, SharedStrings strings) {
        if (type == null || type.equals("n")) {
            return raw.isEmpty() ? Value.BLANK : new Value(excelNumber(raw), true);
        }
        return switch (type) {
            case "s" -> Value.text(strings.getItemAt(Integer.parseInt(raw.strip())).getString());
            case "b" -> Value.text(raw.strip().equals("1") ? "TRUE" : "FALSE");
            default -> Value.text(raw); // inlineStr, str (formula text), e (#N/A …), d (ISO date)
        };
    }

    /** The number as Excel displays it in a General cell: at most 15 significant digits, no exponent. */
    static String excelNumber(String raw) {
        double d;
        try {
            d = Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            return raw;
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return raw;
        }
        return new BigDecimal(d).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** The cells up to the last non-blank one, then blanks up to the five columns of the format. */
    private static List<Value> trimmed(List<Value> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isBlank()) {
            end--;
        }
        List<Value> row = new ArrayList<>(cells.subList(0, end));
        while (row.size() < HEADER.size()) {
            row.add(Value.BLANK);
        }
        return row;
    }

    /** "AB12" → 27. */
    private static int columnIndex(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char ch = ref.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                col = col * 26 + (ch - 'A' + 1);
            } else if (ch >= 'a' && ch <= 'z') {
                col = col * 26 + (ch - 'a' + 1);
            } else {
                break;
            }
        }
        return col - 1;
    }

    // ---- the checks -----------------------------------------------------------------------------

    /** A field as read; {@code numeric} for an XLSX number cell (its text is then as Excel shows it). */
    private record Value(String text, boolean numeric) {
        static final Value BLANK = new Value("", false);

        static Value text(CharSequence s) {
            return new Value(s.toString(), false);
        }

        String value() {
            return text.strip();
        }

        boolean isBlank() {
            return text.isBlank();
        }
    }

    /** Receives the records in order, checks them and keeps the lines and errors. */
    private static final class Collector {
        final String encoding;
        final List<ReturnLine> lines = new ArrayList<>();
        final List<ReturnFileError> errors = new ArrayList<>();
        final Map<String, Integer> firstLineOf = new HashMap<>();
        int errorCount;
        boolean headerSeen;
        boolean stopped;
        int dataLines;
        int blankFrom;
        int blankTo;

        Collector(String encoding) {
            this.encoding = encoding;
        }

        /** Lines {@code from} to {@code to} are blank: an error only if something follows them. */
        void blank(int from, int to) {
            if (blankFrom == 0) {
                blankFrom = from;
            }
            blankTo = to;
        }

        /** A record whose quoting is broken: its fields cannot be told apart. */
        void broken(int lineNo, String message) {
            flushBlanks();
            if (!headerSeen) {
                headerSeen = true;
                stopped = true;
            } else {
                dataLines++;
            }
            error(lineNo, message);
        }

        void record(int lineNo, List<Value> fields) {
            if (stopped) {
                return;
            }
            if (fields.stream().allMatch(Value::isBlank)) {
                blank(lineNo, lineNo);
                return;
            }
            flushBlanks();
            if (!headerSeen) {
                headerSeen = true;
                if (isHeader(fields)) {
                    return;
                }
                if (REFERENCE.matcher(fields.get(0).value()).matches()) {
                    error(lineNo, "缺少表头，第一行应为“" + HEADER_TEXT + "”");
                } else {
                    error(lineNo, "表头应为“" + HEADER_TEXT + "”（或 " + String.join(",", HEADER_EN) + "），实际为“"
                            + quote(join(fields)) + "”");
                    stopped = true;
                    return;
                }
            }
            dataLines++;
            check(lineNo, fields);
        }

        private void flushBlanks() {
            if (blankFrom != 0) {
                report(blankFrom, blankFrom == blankTo ? "第 " + blankFrom + " 行是空行（空行只能在文件末尾）"
                        : "第 " + blankFrom + " 至 " + blankTo + " 行是空行（空行只能在文件末尾）");
                blankFrom = 0;
                blankTo = 0;
            }
        }

        private static boolean isHeader(List<Value> fields) {
            if (fields.size() != HEADER.size()) {
                return false;
            }
            for (int i = 0; i < HEADER.size(); i++) {
                String name = fields.get(i).value();
                if (!name.equals(HEADER.get(i)) && !name.equalsIgnoreCase(HEADER_EN.get(i))) {
                    return false;
                }
            }
            return true;
        }

        private void check(int lineNo, List<Value> fields) {
            if (fields.size() != HEADER.size()) {
                error(lineNo, "应有 " + HEADER.size() + " 列，实际有 " + fields.size() + " 列" + separatorHint(fields));
                return;
            }
            int before = errorCount;

            String reference = fields.get(0).value();
            long runId = 0;
            long refNumber = 0;
            Matcher m = REFERENCE.matcher(reference);
            if (reference.isEmpty()) {
                error(lineNo, "参考号为空");
            } else if (!m.matches()) {
                error(lineNo, "参考号“" + quote(reference) + "”格式不对（应为 P<批次号>-<编号>，如 P12-34567）");
            } else {
                runId = Long.parseLong(m.group(1));
                refNumber = Long.parseLong(m.group(2));
                Integer first = firstLineOf.putIfAbsent(reference, lineNo);
                if (first != null) {
                    error(lineNo, "参考号“" + reference + "”与第 " + first + " 行重复");
                }
            }

            Value accountCell = fields.get(1);
            String account = accountCell.value();
            if (account.isEmpty()) {
                error(lineNo, "账号为空");
            } else if (accountCell.numeric() && integerDigits(account) > 15) {
                error(lineNo, "账号“" + quote(account) + "”是数字格式的单元格，超过 15 位的数字在 Excel 里已丢失末尾几位，"
                        + "请把账号列设为文本格式后重新导出");
            } else if (!ACCOUNT.matcher(account).matches()) {
                error(lineNo, "账号“" + quote(account) + "”不对（应为 6 到 32 位数字或字母）");
            }

            BigDecimal amount = amount(lineNo, fields.get(2).value());

            String result = fields.get(3).value();
            ReturnStatus status = null;
            if (result.isEmpty()) {
                error(lineNo, "结果为空（应为 成功、失败 或 退回）");
            } else {
                status = status(result);
                if (status == null) {
                    error(lineNo, "结果“" + quote(result) + "”不对（应为 成功、失败 或 退回）");
                }
            }

            String reason = fields.get(4).value();
            int reasonLength = reason.codePointCount(0, reason.length());
            if (status == ReturnStatus.PAID && !reason.isEmpty()) {
                error(lineNo, "结果为“" + result + "”时失败原因应为空，实际为“" + quote(reason) + "”");
            } else if ((status == ReturnStatus.FAILED || status == ReturnStatus.RETURNED) && reason.isEmpty()) {
                error(lineNo, "结果为“" + result + "”时失败原因不能为空");
            } else if (reasonLength > MAX_REASON) {
                error(lineNo, "失败原因过长（" + reasonLength + " 个字，最多 " + MAX_REASON + " 个）");
            }

            if (errorCount == before) {
                lines.add(new ReturnLine(lineNo, reference, runId, refNumber, account, amount, status,
                        status == ReturnStatus.PAID ? null : reason));
            }
        }

        /** The amount with scale 2, or null after reporting why it is not one. */
        private BigDecimal amount(int lineNo, String text) {
            if (text.isEmpty()) {
                error(lineNo, "金额为空");
                return null;
            }
            String bad = "金额“" + quote(text) + "”不是有效金额";
            if (text.indexOf(',') >= 0 || text.indexOf('，') >= 0) {
                error(lineNo, bad + "（不能有千位分隔符）");
                return null;
            }
            if (!NUMBER.matcher(text).matches()) {
                error(lineNo, bad + "（应为数字，最多两位小数，如 500.00）");
                return null;
            }
            BigDecimal amount = new BigDecimal(text);
            if (amount.scale() > 2) {
                error(lineNo, bad + "（最多两位小数）");
                return null;
            }
            if (amount.signum() <= 0) {
                error(lineNo, bad + "（必须大于 0）");
                return null;
            }
            if (amount.compareTo(AMOUNT_LIMIT) >= 0) {
                error(lineNo, bad + "（过大，应小于 10000000000）");
                return null;
            }
            return amount.setScale(2);
        }

        private static ReturnStatus status(String text) {
            return switch (text) {
                case "成功" -> ReturnStatus.PAID;
                case "失败" -> ReturnStatus.FAILED;
                case "退回" -> ReturnStatus.RETURNED;
                default -> switch (text.toUpperCase(Locale.ROOT)) {
                    case "SUCCESS", "PAID" -> ReturnStatus.PAID;
                    case "FAILED", "FAIL" -> ReturnStatus.FAILED;
                    case "RETURNED" -> ReturnStatus.RETURNED;
                    default -> null;
                };
            };
        }

        private static String separatorHint(List<Value> fields) {
            if (fields.size() != 1) {
                return "";
            }
            String only = fields.get(0).text();
            if (only.indexOf('\t') >= 0) {
                return "（列之间应以英文逗号分隔，不是制表符）";
            }
            if (only.indexOf('，') >= 0) {
                return "（列之间应以英文逗号分隔，不是中文逗号）";
            }
            if (only.indexOf(';') >= 0) {
                return "（列之间应以英文逗号分隔，不是分号）";
            }
            return "";
        }

        /** An error of line {@code lineNo}: "第 n 行：" + {@code message}. */
        private void error(int lineNo, String message) {
            report(lineNo, "第 " + lineNo + " 行：" + message);
        }

        /** Keeps the first {@value #MAX_ERRORS} errors and counts the rest. */
        private void report(int lineNo, String message) {
            errorCount++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new ReturnFileError(lineNo, message));
            }
        }

        ParsedReturnFile finish() {
            if (!headerSeen) {
                return fileError(encoding, "文件为空");
            }
            if (!stopped && dataLines == 0) {
                report(0, "文件只有表头，没有数据行");
            }
            if (errorCount > errors.size()) {
                errors.add(new ReturnFileError(0, "另有 " + (errorCount - errors.size()) + " 个错误未列出（只列出前 "
                        + MAX_ERRORS + " 个）"));
            }
            return new ParsedReturnFile(encoding, lines, errors);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static ParsedReturnFile fileError(String encoding, String message) {
        return new ParsedReturnFile(encoding, List.of(), List.of(new ReturnFileError(0, message)));
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String join(List<Value> fields) {
        List<String> texts = new ArrayList<>(fields.size());
        for (Value f : fields) {
            texts.add(f.value());
        }
        return String.join(",", texts);
    }

    /** The digits before the decimal point of a plain number such as "-123.45" (3). */
    private static int integerDigits(String number) {
        int start = number.startsWith("-") ? 1 : 0;
        int point = number.indexOf('.');
        return (point < 0 ? number.length() : point) - start;
    }

    /** The value as shown in a message: long values are cut. */
    private static String quote(String value) {
        if (value.codePointCount(0, value.length()) <= QUOTE_LIMIT) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, QUOTE_LIMIT)) + "…";
    }
}
