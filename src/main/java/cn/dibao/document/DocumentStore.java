package cn.dibao.document;

import cn.dibao.audit.AuditTrail;
import cn.dibao.common.security.AreaScope;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.error.InvalidUploadException;
import cn.dibao.common.error.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Uploaded files (scans of 承诺书, 授权书, home-visit signatures…) stored in PostgreSQL with the
 * record they belong to (ADR 0009). Accepts PDF, JPEG and PNG as recognised from the content,
 * up to {@link #MAX_BYTES}. Every read is limited to the caller's area scope; every download is
 * audited. The owning feature checks that the owner exists and may be changed by the caller;
 * this store trusts the owner and area code it is given, but only within the caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class DocumentStore {

    /** The largest file accepted: 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0,29}");
    private static final Pattern AREA_CODE = Pattern.compile("[0-9]{12}");

    private final StoredDocumentRepository documents;
    private final AuditTrail audit;
    private final Clock clock;

    DocumentStore(StoredDocumentRepository documents, AuditTrail audit, Clock clock) {
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores an uploaded file for an owner, in the caller's transaction (so it commits or rolls
     * back with the case).
     *
     * @param ownerType the owning record's kind, upper case (e.g. {@code APPLICATION})
     * @param purpose   what the file is, upper case (e.g. {@code PROMISE}, {@code AUTHORISATION},
     *                  {@code HOME_VISIT}, {@code PROXY}, {@code OTHER})
     * @param areaCode  the owner's 12-digit area code, which scopes every later read
     * @throws InvalidUploadException on the file's form field ({@link MultipartFile#getName()}):
     *                  {@code upload.empty}, {@code upload.tooLarge}, {@code upload.type}, {@code upload.unreadable}
     * @throws NotFoundException when the area is outside the caller's scope
     */
    @Transactional
    public StoredDocumentView store(String ownerType, long ownerId, String purpose, String areaCode,
                                    MultipartFile file) {
        requireCode("ownerType", ownerType);
        requireCode("purpose", purpose);
        if (areaCode == null || !AREA_CODE.matcher(areaCode).matches()) {
            throw new IllegalArgumentException("areaCode must be 12 digits");
        }
        if (!CurrentStaff.scope().contains(areaCode)) {
            throw new NotFoundException("area", areaCode);
        }
        String field = file == null || file.getName().isBlank() ? "file" : file.getName();
        byte[] content = read(file, field);
        DetectedType type = DetectedType.of(content)
                .orElseThrow(() -> new InvalidUploadException(field, "upload.type"));
        String name = FileNames.sanitise(file.getOriginalFilename(), type);
        String sha256 = sha256(content);
        StoredDocument saved = documents.save(new StoredDocument(ownerType, ownerId, purpose, name, type.mediaType(),
                sha256, content, areaCode, clock.instant().truncatedTo(ChronoUnit.MICROS),
                CurrentStaff.usernameOrSystem()));
        audit.record("DOCUMENT_STORED", "stored_document", saved.getId(), areaCode,
                ownerType + " " + ownerId + " " + purpose + " " + type.mediaType() + " " + content.length
                        + " bytes sha256=" + sha256);
        return saved.view();
    }

    /** The owner's documents within the caller's scope, oldest first, without their content. */
    public List<StoredDocumentView> list(String ownerType, long ownerId) {
        return documents.findViews(ownerType, ownerId, CurrentStaff.scope().likePattern());
    }

    /**
     * A document with its content, for download; writes {@code DOCUMENT_DOWNLOADED} to the audit
     * trail (who, which document, when).
     *
     * @throws NotFoundException when it does not exist or lies outside the caller's scope
     */
    @Transactional
    public Download open(long id) {
        AreaScope scope = CurrentStaff.scope();
        StoredDocument d = documents.findInScope(id, scope.likePattern())
                .orElseThrow(() -> new NotFoundException("document", id));
        audit.record("DOCUMENT_DOWNLOADED", "stored_document", id, d.getAreaCode(),
                d.getOwnerType() + " " + d.getOwnerId() + " " + d.getPurpose() + " " + d.getOriginalName());
        return new Download(d.view(), d.getContent());
    }

    private static byte[] read(MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw new InvalidUploadException(field, "upload.empty");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new InvalidUploadException(field, "upload.tooLarge");
        }
        try (InputStream in = file.getInputStream()) {
            // Never trust the declared size alone: read at most one byte more than allowed.
            byte[] content = in.readNBytes((int) MAX_BYTES + 1);
            if (content.length == 0) {
                throw new InvalidUploadException(field, "upload.empty");
            }
            if (content.length > MAX_BYTES) {
                throw new InvalidUploadException(field, "upload.tooLarge");
            }
            return content;
        } catch (IOException e) {
            throw new InvalidUploadException(field, "upload.unreadable");
        }
    }

    private static void requireCode(String what, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be upper-case letters and underscores");
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
