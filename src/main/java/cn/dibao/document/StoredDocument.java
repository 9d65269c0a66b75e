package cn.dibao.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * An uploaded file and who it belongs to. Written once, never changed (so no version column).
 * Lists read {@link StoredDocumentView} projections, so the content is loaded only to download.
 */
@Entity
@Table(name = "stored_document")
@Getter(AccessLevel.PACKAGE)
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class StoredDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 30)
    private String ownerType;

    @Column(nullable = false, updatable = false)
    private long ownerId;

    @Column(nullable = false, updatable = false, length = 30)
    private String purpose;

    @Column(nullable = false, updatable = false, length = 150)
    private String originalName;

    @Column(nullable = false, updatable = false, length = 40)
    private String contentType;

    @Column(nullable = false, updatable = false)
    private long sizeBytes;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(nullable = false, updatable = false)
    private byte[] content;

    @Column(nullable = false, updatable = false, length = 12)
    private String areaCode;

    @Column(nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(nullable = false, updatable = false, length = 60)
    private String uploadedBy;

    @SuppressWarnings("java:S107") // one column each: the row is written once
    StoredDocument(String ownerType, long ownerId, String purpose, String originalName, String contentType,
                   String sha256, byte[] content, String areaCode, Instant uploadedAt, String uploadedBy) {
        this.ownerType = ownerType;
        this.ownerId = ownerId;
        this.purpose = purpose;
        this.originalName = originalName;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.content = content;
        this.areaCode = areaCode;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    StoredDocumentView view() {
        return new StoredDocumentView(id, ownerType, ownerId, purpose, originalName, contentType, sizeBytes, sha256,
                areaCode, uploadedAt, uploadedBy);
    }
}
