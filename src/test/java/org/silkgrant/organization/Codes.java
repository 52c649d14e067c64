package org.silkgrant.organization;

import java.util.concurrent.ThreadLocalRandom;

import org.silkgrant.shared.CreditCode;

/** Valid, unused credit codes for tests: the given category and division, a random organisation part. */
public final class Codes {

    private Codes() {
    }

    public static String creditCode(String category, String division) {
        String first17 = category + division + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)) + "8";
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** A JSON registration body with the given credit code, type and division. */
    public static String registration(String creditCode, String type, String division, String username, String password) {
        return """
                {"name":"测试科技有限公司","creditCode":"%s","type":"%s","divisionCode":"%s","address":"乌鲁木齐市",
                 "admin":{"username":"%s","password":"%s","fullName":"管理员","email":"a@example.org","phone":"13800000000"}}
                """.formatted(creditCode, type, division, username, password);
    }
}
