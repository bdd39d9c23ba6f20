// Declarations beside the migrations: never run as a migration (sequelize-cli
// and sqzjs both leave .d.ts files out).
declare module 'some-untyped-module';
