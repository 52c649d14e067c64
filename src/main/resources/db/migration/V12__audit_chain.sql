-- Chains the audit record (docs/security.md, "Audit trail"): every new row gets a contiguous sequence number and
-- an SM3 hash over its content and the previous row's hash, plus the actor's role at the time. Rows written
-- before this migration keep seq null and stay outside the chain: the chain starts with this migration.
alter table audit_event add column role varchar(30);
alter table audit_event add column seq bigint;
create unique index audit_event_seq_idx on audit_event (seq);

-- The single row every append locks (select ... for update), so that writers on several nodes take turns and
-- the chain never forks. first_seq/first_previous_hash say where the retained chain starts after a purge.
create table audit_chain_head (
    id                  integer     not null primary key check (id = 1),
    last_seq            bigint      not null,
    last_hash           varchar(64) not null,
    first_seq           bigint      not null,
    first_previous_hash varchar(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash, first_seq, first_previous_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000',
        1, '0000000000000000000000000000000000000000000000000000000000000000');
