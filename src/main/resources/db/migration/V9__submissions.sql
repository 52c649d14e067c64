-- A submitted application's frozen snapshot and its receipt: number from a per-call database sequence, SM3 digest
-- of the canonical snapshot, SM2 signature over the receipt line (number|submittedAt|digest).
create table application_submission (
    application_id bigint       not null primary key references application (id),
    receipt_number varchar(60)  not null,
    submitted_at   timestamp(6) with time zone not null,
    submitted_by   varchar(64)  not null,
    snapshot       varchar      not null,
    digest         varchar(64)  not null,
    signature      varchar(200) not null,
    constraint application_submission_receipt_unique unique (receipt_number)
);
