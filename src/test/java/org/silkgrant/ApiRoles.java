package org.silkgrant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.silkgrant.account.Role;

/**
 * Who may use each operation of the JSON API: the table in {@code src/test/resources/api/operation-roles.txt}, one
 * line per operation of the OpenAPI document, with the demo account of each role.
 */
public final class ApiRoles {

    /** The resource the table is read from. */
    public static final String TABLE = "/api/operation-roles.txt";

    /** A demo account holding exactly this role (PARTNER_CONTACT has none). */
    public static final Map<Role, String> DEMO_USERS = demoUsers();

    private ApiRoles() {
    }

    /**
     * One operation: its method and path as the OpenAPI document has them, the roles that may use it ({@code ANY}:
     * every signed-in role, {@code ANONYMOUS}: without signing in), and what every other signed-in role gets (403 or
     * 404; 0 when no signed-in role is refused).
     */
    public record Operation(String method, String path, Set<String> roles, int othersGet, String note) {

        public boolean allows(Role role) {
            return roles.contains("ANY") || roles.contains(role.name());
        }

        public boolean anonymous() {
            return roles.contains("ANONYMOUS");
        }

        /** {@code METHOD path}, as the document's operations are compared. */
        public String key() {
            return method + " " + path;
        }
    }

    /** Every line of the table, in its order. */
    public static List<Operation> load() {
        try (InputStream in = ApiRoles.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing");
            }
            List<Operation> operations = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] columns = text.split("\\s+", 5);
                if (columns.length < 4) {
                    throw new IllegalStateException("not an operation line of " + TABLE + ": " + line);
                }
                Set<String> roles = new LinkedHashSet<>(Arrays.asList(columns[2].split(",")));
                for (String role : roles) {
                    if (!role.equals("ANY") && !role.equals("ANONYMOUS")) {
                        Role.valueOf(role);
                    }
                }
                operations.add(new Operation(columns[0], columns[1], Set.copyOf(roles),
                        columns[3].equals("-") ? 0 : Integer.parseInt(columns[3]), columns.length > 4 ? columns[4] : ""));
            }
            return List.copyOf(operations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Role, String> demoUsers() {
        Map<Role, String> users = new EnumMap<>(Role.class);
        users.put(Role.APPLICANT, "uni-leader");
        users.put(Role.ORG_ADMIN, "uni-admin");
        users.put(Role.RECOMMENDER, "recommender");
        users.put(Role.PROGRAM_OFFICER, "officer");
        users.put(Role.EXPERT, "expert");
        users.put(Role.SYSTEM_ADMIN, "sysadmin");
        users.put(Role.SECURITY_ADMIN, "secadmin");
        users.put(Role.AUDIT_ADMIN, "auditadmin");
        return java.util.Collections.unmodifiableMap(users);
    }
}
