-- Camel's idempotent repository (JdbcMessageIdRepository): the inbox files a route has taken, so a file is never
-- imported twice. Camel adds a key when the file's exchange completes: a file half-processed when the
-- application stopped is taken again on start.
create table camel_messageprocessed (
    processorName varchar(255) not null,
    messageId     varchar(500) not null,
    createdAt     timestamp    not null,
    constraint camel_messageprocessed_pk primary key (processorName, messageId)
);
