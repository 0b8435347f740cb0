using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HrcCommunity.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class BoardClusterDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KnowledgeSlug",
                table: "BoardClusters",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PracticeSlug",
                table: "BoardClusters",
                type: "TEXT",
                maxLength: 80,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KnowledgeSlug",
                table: "BoardClusters");

            migrationBuilder.DropColumn(
                name: "PracticeSlug",
                table: "BoardClusters");
        }
    }
}
