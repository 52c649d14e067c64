package org.silkgrant.organization;

/** An organisation's self-registration with its first administrator (API.md "Organisations and accounts"). */
public record Registration(String name, String creditCode, OrganizationType type, String divisionCode, String address,
        Admin admin) {

    /** The first administrator account of the organisation. */
    public record Admin(String username, String password, String fullName, String email, String phone) {
    }
}
