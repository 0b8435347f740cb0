using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HrcCommunity.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventModerator : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ModeratorId",
                table: "CommunityEvents",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityEvents_ModeratorId",
                table: "CommunityEvents",
                column: "ModeratorId");

            migrationBuilder.AddForeignKey(
                name: "FK_CommunityEvents_AspNetUsers_ModeratorId",
                table: "CommunityEvents",
                column: "ModeratorId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CommunityEvents_AspNetUsers_ModeratorId",
                table: "CommunityEvents");

            migrationBuilder.DropIndex(
                name: "IX_CommunityEvents_ModeratorId",
                table: "CommunityEvents");

            migrationBuilder.DropColumn(
                name: "ModeratorId",
                table: "CommunityEvents");
        }
    }
}
