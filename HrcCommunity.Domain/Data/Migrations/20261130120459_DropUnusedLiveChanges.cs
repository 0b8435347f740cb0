using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HrcCommunity.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class DropUnusedLiveChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveChanges");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiveChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiveChanges_Topic_Seq",
                table: "LiveChanges",
                columns: new[] { "Topic", "Seq" },
                unique: true);
        }
    }
}
