package io.gatehouse.admin.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** The audit log, newest first, filtered by who, what, which kind of object and when. Admins only. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 100;

    private final JdbcTemplate jdbc;

    AuditController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Row(Timestamp occurredAt, String actorType, String actorName, String action, String objectType,
            String objectId, String detail, String sourceAddress) {
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, HtmxRequest htmx, Model model) {
        StringBuilder sql = new StringBuilder("select occurred_at, actor_type, actor_name, action, object_type,"
                + " object_id, detail, source_address from audit_entry where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            sql.append(" and lower(actor_name) like ?");
            args.add("%" + actor.trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (action != null && !action.isBlank()) {
            sql.append(" and action like ?");
            args.add(action.trim() + "%");
        }
        if (objectType != null && !objectType.isBlank()) {
            sql.append(" and object_type = ?");
            args.add(objectType);
        }
        if (from != null) {
            sql.append(" and occurred_at >= ?");
            args.add(Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (to != null) {
            sql.append(" and occurred_at < ?");
            args.add(Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        sql.append(" order by occurred_at desc, id desc fetch first ").append(PAGE_SIZE).append(" rows only");
        model.addAttribute("entries", jdbc.query(sql.toString(), (rs, n) -> new Row(rs.getTimestamp(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8)), args.toArray()));
        model.addAttribute("objectTypes", jdbc.queryForList("select distinct object_type from audit_entry"
                + " order by object_type", String.class));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("objectType", objectType);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return htmx.isHtmxRequest() ? "audit/log :: audit-rows" : "audit/log";
    }
}
