package cn.dibao.document;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface StoredDocumentRepository extends JpaRepository<StoredDocument, Long> {

    /** The owner's documents in the scope, without their content. */
    @Query("""
            select new cn.dibao.document.StoredDocumentView(d.id, d.ownerType, d.ownerId, d.purpose, d.originalName,
                d.contentType, d.sizeBytes, d.sha256, d.areaCode, d.uploadedAt, d.uploadedBy)
            from StoredDocument d
            where d.ownerType = :ownerType and d.ownerId = :ownerId and d.areaCode like :pattern
            order by d.uploadedAt, d.id
            """)
    List<StoredDocumentView> findViews(String ownerType, long ownerId, String pattern);

    @Query("select d from StoredDocument d where d.id = :id and d.areaCode like :pattern")
    Optional<StoredDocument> findInScope(long id, String pattern);
}
