-- The production first start (issue 13): the bootstrap command writes this single row when it creates the first
-- system admin; a second run, also one racing the first from another machine, fails on its primary key.
create table account_bootstrap (
    id         integer      not null primary key,
    username   varchar(64)  not null,
    created_at timestamp(6) with time zone not null,
    constraint account_bootstrap_single check (id = 1)
);
