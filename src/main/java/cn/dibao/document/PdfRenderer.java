package cn.dibao.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a Thymeleaf template to PDF: the app's template engine (so {@code #{…}} messages,
 * {@code #temporals} and layouts work) writes XHTML, which openhtmltopdf lays out on A4 pages.
 *
 * <p>Only the CJK font shipped in the app ({@code fonts/NotoSansSC-Regular.ttf}, read from the
 * classpath) is registered, as the document font and as the fallback before PDF's built-in
 * fonts, so every character is drawn with it and embedded as a subset: the PDF looks the same on
 * a server without fonts and in any reader. No system font directory is scanned, and templates
 * cannot load anything from outside (only {@code data:} images). The output is PDF/A-2u, and its
 * /ToUnicode maps are repaired so that the text extracts as written ({@link ToUnicodeRepair}).
 *
 * <p>Templates must be well-formed XHTML (close every element: {@code <br/>}, {@code <meta …/>};
 * no {@code &nbsp;}, write {@code &#160;}). The model gets {@code pdf = true}, so a template
 * shared with the browser print page can leave out its screen-only parts. See
 * {@code templates/print/layout.html}.
 */
@Service
public class PdfRenderer {

    /** Notices are official documents in Chinese unless a caller asks otherwise. */
    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    /** The family name the print stylesheet asks for. */
    public static final String FONT_FAMILY = "Noto Sans SC";
    static final String FONT_RESOURCE = "fonts/NotoSansSC-Regular.ttf";

    private final ITemplateEngine templates;
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private volatile Font font;

    PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
        OpenHtmlToPdfLogging.install();
    }

    /** Renders in zh-CN to {@code out} (which is left open). */
    public void render(String template, Map<String, ?> model, OutputStream out) {
        render(template, model, DEFAULT_LOCALE, out);
    }

    public byte[] render(String template, Map<String, ?> model, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(template, model, locale, out);
        return out.toByteArray();
    }

    /**
     * @param template a template name as for a view, e.g. {@code "print/sample-notice"}
     * @param model    the template's variables; {@code pdf} is set to {@code true}
     * @param out      receives the PDF; it is not closed
     * @throws IllegalStateException when the template's output is not well-formed XHTML
     */
    public void render(String template, Map<String, ?> model, Locale locale, OutputStream out) {
        Document document = parse(template, xhtml(template, model, locale));
        Font f = font();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.withW3cDocument(document, "about:blank");
        builder.useDefaultPageSize(210, 297, PageSizeUnits.MM);
        // PDF/A-2u: every font embedded, text mapped to Unicode, sRGB output intent. It also keeps
        // openhtmltopdf from preparing PDF's 14 built-in fonts, for which PDFBox would search the
        // machine's font directories: the shipped font is the only one ever used.
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
        builder.useColorProfile(SRGB);
        builder.useFont(() -> new ByteArrayInputStream(f.bytes()), FONT_FAMILY, 400, FontStyle.NORMAL, true,
                EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE));
        builder.useExternalResourceAccessControl(PdfRenderer::allowed, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl(PdfRenderer::allowed, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withProducer("Dibao");
        builder.toStream(pdf);
        try {
            builder.run();
            try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
                if (f.repair().repair(doc) > 0) {
                    doc.save(out);
                    return;
                }
            }
            pdf.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering " + template + " to PDF failed", e);
        }
    }

    /** The template's XHTML as the PDF sees it. */
    String xhtml(String template, Map<String, ?> model, Locale locale) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("pdf", Boolean.TRUE);
        return templates.process(template, new Context(locale, variables));
    }

    private static boolean allowed(String uri, ExternalResourceType type) {
        return uri != null && uri.startsWith("data:image/") && type == ExternalResourceType.IMAGE_RASTER;
    }

    /** The shipped font, read once from the classpath (about 10 MB), and what its cmap says about shared glyphs. */
    private Font font() {
        Font f = font;
        if (f == null) {
            synchronized (this) {
                f = font;
                if (f == null) {
                    try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(FONT_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException(FONT_RESOURCE + " is missing from the classpath");
                        }
                        byte[] bytes = in.readAllBytes();
                        f = new Font(bytes, ToUnicodeRepair.forFont(bytes));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + FONT_RESOURCE, e);
                    }
                    font = f;
                }
            }
        }
        return f;
    }

    private record Font(byte[] bytes, ToUnicodeRepair repair) {
    }

    private static Document parse(String template, String xhtml) {
        try {
            DocumentBuilder parser = secureFactory().newDocumentBuilder();
            parser.setErrorHandler(new DefaultHandler()); // fatal errors throw, nothing is printed
            parser.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw new IllegalStateException("template " + template + " is not well-formed XHTML at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("template " + template + " cannot be read as XHTML", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No DTDs, no external entities, no XInclude: the XHTML is ours, but stay strict. */
    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
