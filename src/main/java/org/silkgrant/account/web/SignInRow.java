package org.silkgrant.account.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.silkgrant.account.LoginRecord;

/** One sign-in attempt on a page: the instant for machines, its Beijing time for people. */
record SignInRow(Instant at, String time, String clientAddress, String outcome) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static SignInRow of(LoginRecord record) {
        return new SignInRow(record.at(), FORMAT.format(record.at().atZone(ZONE)), record.clientAddress(),
                record.outcome());
    }
}
