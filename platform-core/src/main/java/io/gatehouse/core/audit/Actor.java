package io.gatehouse.core.audit;

/** Who did something, and from which address: recorded with every decision in the audit log. */
public record Actor(Type type, String name, String sourceAddress) {

    public enum Type {
        ADMIN,
        CONSUMER,
        API_TOKEN,
        SYSTEM
    }

    public static Actor admin(String username, String sourceAddress) {
        return new Actor(Type.ADMIN, username, sourceAddress);
    }

    public static Actor consumer(String email, String sourceAddress) {
        return new Actor(Type.CONSUMER, email, sourceAddress);
    }

    public static Actor system(String what) {
        return new Actor(Type.SYSTEM, what, null);
    }
}
