-- API keys for integrations. Only the SHA-256 of a key is stored.
create table api_key (
    name       varchar(100) primary key,
    key_hash   varchar(64)  not null unique,
    role       varchar(20)  not null,
    created_at timestamp with time zone not null,
    revoked    boolean      not null
);
