package cn.dibao.document;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes the text of our PDFs extract as the characters that were written.
 *
 * <p>In CJK fonts one glyph often serves several code points: 青 (U+9752) and the radical ⻘
 * (U+2ED8), 日 and ⽇ (U+2F47), 一 and ㄧ… When PDFBox subsets a font it maps each glyph back to
 * the <em>lowest</em> of them in the /ToUnicode map, so copying, searching or extracting 黄岛区
 * from the PDF gives ⻩岛区 (a known PDFBox limitation). This rewrites the /ToUnicode maps of the
 * document's fonts so that such a glyph maps to its CJK unified ideograph, as read from the
 * shipped font's own cmap. The ligature PDFBox forms from "——" (U+2E3A, two-em dash) maps back
 * to the two dashes.
 */
final class ToUnicodeRepair {

    private final Map<Integer, String> preferred;

    private ToUnicodeRepair(Map<Integer, String> preferred) {
        this.preferred = preferred;
    }

    /** Reads from the font which code points share a glyph with a unified ideograph. */
    static ToUnicodeRepair forFont(byte[] font) throws IOException {
        Map<Integer, String> preferred = new HashMap<>();
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            for (int gid = 0; gid < ttf.getNumberOfGlyphs(); gid++) {
                List<Integer> codes = cmap.getCharCodes(gid);
                if (codes == null || codes.size() < 2) {
                    continue;
                }
                Integer ideograph = codes.stream().filter(ToUnicodeRepair::isUnifiedIdeograph).findFirst().orElse(null);
                if (ideograph != null) {
                    codes.stream().filter(c -> !c.equals(ideograph))
                            .forEach(c -> preferred.put(c, new String(Character.toChars(ideograph))));
                }
            }
        }
        preferred.put(0x2E3A, "\u2014\u2014");
        preferred.put(0x2E3B, "\u2014\u2014\u2014");
        return new ToUnicodeRepair(preferred);
    }

    static boolean isUnifiedIdeograph(int cp) {
        return cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x20000 && cp <= 0x323AF;
    }

    /** Rewrites every font's /ToUnicode map that names a code point to prefer; returns how many maps changed. */
    int repair(PDDocument doc) throws IOException {
        int changed = 0;
        for (COSObject object : doc.getDocument().getObjectsByType(COSName.FONT)) {
            if (object.getObject() instanceof COSDictionary font
                    && font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream toUnicode
                    && rewrite(toUnicode)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean rewrite(COSStream stream) throws IOException {
        CMap cmap;
        try (InputStream in = stream.createInputStream()) {
            cmap = new CMapParser().parse(new RandomAccessReadBuffer(in));
        }
        Map<Integer, String> mappings = new TreeMap<>();
        boolean changed = false;
        for (int code = 0; code <= 0xFFFF; code++) {
            String text = cmap.toUnicode(code, 2);
            if (text == null) {
                continue;
            }
            String better = text.codePointCount(0, text.length()) == 1 ? preferred.get(text.codePointAt(0)) : null;
            if (better != null) {
                text = better;
                changed = true;
            }
            mappings.put(code, text);
        }
        if (changed) {
            try (OutputStream out = stream.createOutputStream()) {
                out.write(toCMap(mappings).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return changed;
    }

    /** A ToUnicode CMap (Adobe technical note 5411) of two-byte codes, in bfchar blocks of at most 100. */
    private static String toCMap(Map<Integer, String> mappings) {
        StringBuilder sb = new StringBuilder(64 + mappings.size() * 16)
                .append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Map.Entry<Integer, String>> entries = List.copyOf(mappings.entrySet());
        for (int i = 0; i < entries.size(); i += 100) {
            List<Map.Entry<Integer, String>> block = entries.subList(i, Math.min(i + 100, entries.size()));
            sb.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> e : block) {
                sb.append(String.format("<%04X> <", e.getKey()));
                for (char c : e.getValue().toCharArray()) {
                    sb.append(String.format("%04X", (int) c));
                }
                sb.append(">\n");
            }
            sb.append("endbfchar\n");
        }
        return sb.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
    }
}
