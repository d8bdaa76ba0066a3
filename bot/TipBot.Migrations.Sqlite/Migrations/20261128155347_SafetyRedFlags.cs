using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipBot.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SafetyRedFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SafetyRedFlags",
                table: "conversations",
                type: "TEXT",
                maxLength: 512,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SafetyRedFlags",
                table: "conversations");
        }
    }
}
