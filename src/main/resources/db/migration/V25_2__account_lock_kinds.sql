-- Two kinds of account lock (issue 13): locked_until (wrong second-factor codes after a correct password: every
-- address) and password_locked_until (wrong passwords from several addresses, for accounts without a second
-- factor: every address but those the user signed in from before). must_change_password: the one-time password
-- of the first-start bootstrap is changed at the first sign-in.
alter table user_account add column password_locked_until timestamp(6) with time zone;
alter table user_account add column must_change_password boolean default false not null;
