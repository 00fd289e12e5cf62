package org.onewindow.core.backend;

import java.util.Set;

/** A signed-in staff member. The token authorises later calls; it is never logged. */
public record ClerkSession(String account, String displayName, Set<Role> roles, String token) {
    public enum Role { CLERK, SUPERVISOR, IT }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "ClerkSession[" + account + " " + roles + "]";
    }
}
