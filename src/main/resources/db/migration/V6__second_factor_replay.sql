-- The last TOTP time step a user passed, so a code cannot be used twice.
alter table user_account add column mfa_last_step bigint;
