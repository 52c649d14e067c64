package org.silkgrant.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.hibernate.jpa.HibernateHints;
import org.silkgrant.call.CallManagement;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program office's table of a call's applications: filtered, sorted and paged rows, the counts per status, and
 * every matching row in order for the 汇总表 export, read as a stream so that no number of rows fills the heap.
 * Rows are applications submitted at least once; drafts only count.
 */
@Service
public class OfficeTable {

    /** What the rows are ordered by; the application id breaks ties so that the order is total. */
    public enum Sort { RECEIPT_NUMBER, SUBMITTED_AT, FISCAL }

    /** Rows the driver fetches at a time while exporting: small enough for any heap, large enough for few trips. */
    static final int CHUNK = 500;

    /** Per-status counts of one call, every state present (zero when none), and their sum. */
    public record Counts(Map<ApplicationStatus, Long> byStatus, long total) {
    }

    private static final BigDecimal NO_AMOUNT = BigDecimal.valueOf(-1);

    private final EntityManager entityManager;
    private final CallManagement calls;

    OfficeTable(EntityManager entityManager, CallManagement calls) {
        this.entityManager = entityManager;
        this.calls = calls;
    }

    /** One page of the rows; 404 (not found) for an unknown call. */
    @Transactional(readOnly = true)
    public Page<OfficeRow> rows(String callCode, OfficeFilter filter, Sort sort, boolean descending, int page, int size) {
        calls.get(callCode);
        page = org.silkgrant.shared.Paging.page(page);
        size = Math.max(size, 1);
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Application> counted = count.from(Application.class);
        count.select(cb.count(counted)).where(where(cb, counted, callCode, filter));
        long total = entityManager.createQuery(count).getSingleResult();

        CriteriaQuery<Tuple> query = select(cb, callCode, filter, sort, descending);
        List<OfficeRow> rows = entityManager.createQuery(query).setFirstResult(Math.toIntExact(Math.min((long) page * size, Integer.MAX_VALUE))).setMaxResults(size)
                .getResultStream().map(OfficeTable::row).toList();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    /** How many applications of the call are in each state, drafts included: one grouped query. */
    @Transactional(readOnly = true)
    public Counts counts(String callCode) {
        calls.get(callCode);
        Map<ApplicationStatus, Long> byStatus = new EnumMap<>(ApplicationStatus.class);
        Arrays.stream(ApplicationStatus.values()).forEach(s -> byStatus.put(s, 0L));
        long total = 0;
        for (Object[] group : entityManager.createQuery(
                "select a.status, count(a) from Application a where a.callCode = :callCode group by a.status",
                Object[].class).setParameter("callCode", callCode).getResultList()) {
            byStatus.put((ApplicationStatus) group[0], (Long) group[1]);
            total += (Long) group[1];
        }
        return new Counts(Collections.unmodifiableMap(byStatus), total);
    }

    /**
     * Hands every matching row to {@code sink} in the table's order, from one query read as a stream: the driver
     * fetches {@value #CHUNK} rows at a time (a server-side cursor on PostgreSQL), and rows are scalar tuples, not
     * entities, so the persistence context stays empty and each row is garbage once the sink has taken it.
     *
     * @return how many rows were handed over
     */
    @Transactional(readOnly = true)
    public long forEach(String callCode, OfficeFilter filter, Sort sort, boolean descending, Consumer<OfficeRow> sink) {
        calls.get(callCode);
        long handed = 0;
        try (Stream<Tuple> rows = entityManager
                .createQuery(select(entityManager.getCriteriaBuilder(), callCode, filter, sort, descending))
                .setHint(HibernateHints.HINT_FETCH_SIZE, CHUNK).getResultStream()) {
            for (Tuple tuple : (Iterable<Tuple>) rows::iterator) {
                sink.accept(row(tuple));
                handed++;
            }
        }
        return handed;
    }

    private CriteriaQuery<Tuple> select(CriteriaBuilder cb, String callCode, OfficeFilter filter, Sort sort,
            boolean descending) {
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Application> a = query.from(Application.class);
        query.multiselect(a.get("id"), a.get("receiptNumber"), a.get("submittedAt"), a.get("submittedVersions"),
                a.get("title"), a.get("organizationName"), a.get("organizationType"), a.get("leaderName"),
                a.get("category"), a.get("scopeCode"), a.get("fieldCode"), a.get("partnerCountries"),
                a.get("fiscal"), a.get("selfRaised"), a.get("status"));
        Expression<?> key = sortKey(cb, a, sort);
        Order byKey = descending ? cb.desc(key) : cb.asc(key);
        Order byId = descending ? cb.desc(a.get("id")) : cb.asc(a.get("id"));
        return query.where(where(cb, a, callCode, filter)).orderBy(byKey, byId);
    }

    /** The sort key; a missing value sorts as the smallest, in every database alike. */
    private static Expression<?> sortKey(CriteriaBuilder cb, Root<Application> a, Sort sort) {
        return switch (sort) {
            case RECEIPT_NUMBER -> cb.coalesce(a.<String>get("receiptNumber"), "");
            case SUBMITTED_AT -> cb.coalesce(a.<Instant>get("submittedAt"), Instant.EPOCH);
            case FISCAL -> cb.coalesce(a.<BigDecimal>get("fiscal"), NO_AMOUNT);
        };
    }

    private static Predicate where(CriteriaBuilder cb, Root<Application> a, String callCode, OfficeFilter filter) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(a.get("callCode"), callCode));
        // Drafts never submitted have nothing the office may read yet: they are listed only when asked for by status
        // (title, organisation and leader only), so that the office can give one of them more time.
        if (filter.status().contains(ApplicationStatus.DRAFT)) {
            where.add(cb.or(cb.greaterThan(a.<Integer>get("submittedVersions"), 0),
                    cb.equal(a.get("status"), ApplicationStatus.DRAFT)));
        } else {
            where.add(cb.greaterThan(a.<Integer>get("submittedVersions"), 0));
        }
        if (!filter.status().isEmpty()) {
            where.add(a.get("status").in(filter.status()));
        }
        if (filter.category() != null) {
            where.add(cb.equal(a.get("category"), filter.category()));
        }
        if (filter.scope() != null) {
            where.add(cb.equal(a.get("scopeCode"), filter.scope()));
        }
        if (filter.field() != null) {
            where.add(cb.equal(a.get("fieldCode"), filter.field()));
        }
        if (filter.organization() != null) {
            where.add(cb.like(cb.lower(a.get("organizationName")),
                    "%" + escapeLike(filter.organization().toLowerCase(Locale.ROOT)) + "%", '\\'));
        }
        if (filter.organizationType() != null) {
            where.add(cb.equal(a.get("organizationType"), filter.organizationType().name()));
        }
        if (filter.country() != null) {
            // The codes are stored comma-separated ("KZ,RU"): framed in commas, a code matches only whole.
            where.add(cb.like(cb.concat(cb.concat(",", a.get("partnerCountries")), ","),
                    "%," + escapeLike(filter.country()) + ",%", '\\'));
        }
        range(cb, a.get("fiscal"), filter.fiscalMin(), filter.fiscalMax(), where);
        range(cb, a.get("selfRaised"), filter.selfRaisedMin(), filter.selfRaisedMax(), where);
        return cb.and(where.toArray(Predicate[]::new));
    }

    private static void range(CriteriaBuilder cb, Expression<BigDecimal> amount, BigDecimal min, BigDecimal max,
            List<Predicate> where) {
        if (min != null) {
            where.add(cb.greaterThanOrEqualTo(amount, min));
        }
        if (max != null) {
            where.add(cb.lessThanOrEqualTo(amount, max));
        }
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OfficeRow row(Tuple t) {
        String countries = t.get(11, String.class);
        return new OfficeRow(t.get(0, Long.class), t.get(1, String.class), t.get(2, Instant.class),
                t.get(3, Integer.class), t.get(4, String.class), t.get(5, String.class), t.get(6, String.class),
                t.get(7, String.class), t.get(8, String.class), t.get(9, String.class), t.get(10, String.class),
                countries == null || countries.isBlank() ? List.of() : List.of(countries.split(",")),
                t.get(12, BigDecimal.class), t.get(13, BigDecimal.class), t.get(14, ApplicationStatus.class));
    }
}
